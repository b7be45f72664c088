// Benchmark baseline (tests/bench): actor search as plain Cypher, word prefixes ($words, e.g.
// "rasj*") in the fulltext index over names and aliases, best $limit first.
CALL db.index.fulltext.queryNodes('actor_names', $words) YIELD node, score
RETURN node {.id, .name, .kind, .aliases} AS actor
ORDER BY score DESC
LIMIT $limit

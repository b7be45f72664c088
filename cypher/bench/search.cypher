// Benchmark baseline (tests/bench): the answer of /api/actors?q=…&limit=$limit in one query: the
// actors with a name or alias matching the query ($words: word prefixes for the fulltext index,
// e.g. "rasj*"; $compact and $normal: the query folded as the stored searchCompact and searchText
// are), each scored by its best name (exact 100, prefix 80, word prefix 60, substring 40; a
// shorter name first at equal score), best $limit first, with their claim counts.
CALL () {
  CALL db.index.fulltext.queryNodes('actor_names', $words) YIELD node
  RETURN node
  UNION
  MATCH (node:Actor)
  WHERE node.searchCompact CONTAINS $compact
  RETURN node
}
WITH node, [node.name] + node.aliases AS names, split(node.searchText, '\n') AS normals, split(node.searchCompact, '|') AS compacts
UNWIND range(0, size(names) - 1) AS i
WITH node, i, names[i] AS name,
     CASE
       WHEN compacts[i] = $compact THEN 100
       WHEN compacts[i] STARTS WITH $compact THEN 80
       WHEN any(word IN split(normals[i], ' ') WHERE word STARTS WITH $normal) THEN 60
       WHEN compacts[i] CONTAINS $compact THEN 40
       ELSE 0
     END AS score
WHERE score > 0
WITH node, i, name, score
ORDER BY score DESC, size(name), i
WITH node, head(collect({name: name, score: score})) AS best
RETURN node {.id, .name, .kind, .aliases, matched: best.name, score: best.score, claims: coalesce(node.claims, 0)} AS hit
ORDER BY best.score DESC, size(best.name), node.name, node.id
LIMIT $limit

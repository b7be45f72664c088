// An actor search, ranked and cut in the database by the rule of rankActors
// (server/ingest/alias-index.ts), which the embedded store runs: candidates are the word prefixes
// from the fulltext index over folded names ($words, e.g. "tehreek* taliban*") and the substrings
// of the compacted names, which every match the rule scores contains. Each candidate of $kinds is
// scored by its best name ($compact and $normal: the query folded as the stored searchCompact and
// searchText lines are; exact 100, prefix 80, word prefix 60, substring 40; at equal score the
// shorter name, then the first in name-then-aliases order); the best $limit by score, matched
// name's length, name and id, with their claim counts (kept by put-relations). Only the fields a
// hit shows.
CALL () {
  CALL db.index.fulltext.queryNodes('actor_names', $words) YIELD node
  RETURN node
  UNION
  MATCH (node:Actor)
  WHERE node.searchCompact CONTAINS $compact
  RETURN node
}
WITH node
WHERE $kinds IS NULL OR node.kind IN $kinds
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
ORDER BY best.score DESC, size(best.name), node.name, node.id
LIMIT $limit
RETURN node {.id, .name, .kind, .aliases, matched: best.name, score: best.score, claims: coalesce(node.claims, 0)} AS hit

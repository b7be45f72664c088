// Candidate actors for a search, ranked afterwards by rankActors (server/ingest/alias-index.ts):
// word prefixes from the fulltext index over folded names ($words, e.g. "tehreek* taliban*"),
// and substrings of the compacted names, which every match rankActors scores contains; with
// each actor's claim count (kept by put-relations); only the fields a hit shows.
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
RETURN node {.id, .name, .kind, .aliases} AS actor, coalesce(node.claims, 0) AS claims

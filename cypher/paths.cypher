// Every shortest path from $from to $to over the relations passing the relation-level filters,
// direction ignored (up to $maxPaths, as lists of actor ids; server/graph/paths.ts ranks them),
// every passing relation between the paths' consecutive actors, the drawing of the paths'
// actors, and whether both ends exist: one round trip. Variable-length bounds cannot be
// parameters: 6 is the API's largest maxLength, $maxLength cuts below it.
OPTIONAL MATCH (a:Actor {id: $from})
OPTIONAL MATCH (b:Actor {id: $to})
CALL (a, b) {
  MATCH p = allShortestPaths((a)-[:RELATION*..6]-(b))
  WHERE length(p) <= $maxLength
    AND all(r IN relationships(p) WHERE
      ($types IS NULL OR r.type IN $types)
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments))
    AND ($kinds IS NULL OR all(n IN nodes(p) WHERE n.kind IN $kinds))
  WITH DISTINCT nodes(p) AS path
  LIMIT $maxPaths
  RETURN collect(path) AS found
}
CALL (found) {
  UNWIND found AS path
  UNWIND range(1, size(path) - 1) AS i
  WITH DISTINCT path[i - 1] AS x, path[i] AS y
  MATCH (x)-[r:RELATION]-(y)
  WHERE ($types IS NULL OR r.type IN $types)
    AND ($minClaims IS NULL OR r.claims >= $minClaims)
    AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
  WITH DISTINCT r
  RETURN collect({source: startNode(r).id, target: endNode(r).id, relation: properties(r)}) AS rows
}
RETURN a IS NOT NULL AS fromExists,
       b IS NOT NULL AS toExists,
       [path IN found | [n IN path | n.id]] AS paths,
       rows,
       COLLECT { UNWIND found AS path UNWIND path AS n WITH DISTINCT n RETURN n {.id, .name, .kind, .aliases} } AS refs

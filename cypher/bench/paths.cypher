// Benchmark baseline (tests/bench): the answer of /api/paths?from=$from&to=$to in one query over
// the stored relations: every shortest path of at most $maxLength relations (direction ignored,
// up to $maxPaths), the $k with most evidence (claims over every relation between consecutive
// actors, ties by the actors' ids), those relations with their aggregates, what the other paths
// would add, and the drawing of the actors shown.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:RELATION*..6]-(b))
WHERE length(p) <= $maxLength
WITH DISTINCT nodes(p) AS path
LIMIT $maxPaths
WITH collect(path) AS found
CALL (found) {
  UNWIND found AS path
  UNWIND range(1, size(path) - 1) AS i
  WITH DISTINCT path[i - 1] AS x, path[i] AS y
  MATCH (x)-[r:RELATION]-(y)
  RETURN count(DISTINCT r) AS pairRelations
}
CALL (found) {
  UNWIND found AS path
  CALL (path) {
    UNWIND range(1, size(path) - 1) AS i
    WITH path[i - 1] AS x, path[i] AS y
    MATCH (x)-[r:RELATION]-(y)
    RETURN sum(r.claims) AS claims
  }
  WITH path, claims
  ORDER BY claims DESC, [n IN path | n.id]
  LIMIT $k
  RETURN collect(path) AS chosen
}
CALL (chosen) {
  UNWIND chosen AS path
  UNWIND range(1, size(path) - 1) AS i
  WITH path[i - 1] AS x, path[i] AS y
  MATCH (x)-[r:RELATION]-(y)
  WITH DISTINCT r
  RETURN collect({source: startNode(r).id, target: endNode(r).id, relation: properties(r)}) AS rows
}
CALL (chosen) {
  UNWIND chosen AS path
  UNWIND path AS n
  WITH DISTINCT n
  RETURN collect(n {.id, .name, .kind, .aliases}) AS refs
}
CALL (found) {
  UNWIND found AS path
  UNWIND path AS n
  RETURN count(DISTINCT n) AS foundNodes
}
RETURN rows,
       size(found) > size(chosen) AS truncated,
       foundNodes - size(refs) AS omittedNodes,
       pairRelations - size(rows) AS omittedEdges,
       refs

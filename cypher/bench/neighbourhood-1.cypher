// Benchmark baseline (tests/bench): the answer of /api/actors/$actor/neighborhood?depth=1 in one
// query over the stored relations: $actor's $limit strongest neighbours (claims summed over the
// relations between the two, ties by id), the relations between $actor and them with their
// aggregates, how many relations and neighbours were left out, and the drawing of the actors shown.
MATCH (c:Actor {id: $actor})
CALL (c) {
  MATCH (c)-[r:RELATION]-(b:Actor)
  WITH b, sum(r.claims) AS strength
  ORDER BY strength DESC, b.id
  LIMIT $limit
  RETURN collect(b) AS ring
}
CALL (c, ring) {
  MATCH (c)-[r:RELATION]-(b:Actor)
  WITH r, b, b IN ring AS shown
  RETURN count(r) AS seen,
         count(DISTINCT CASE WHEN shown THEN null ELSE b END) AS omittedNodes,
         collect(CASE WHEN shown THEN {source: startNode(r).id, target: endNode(r).id, relation: properties(r)} END) AS rows
}
RETURN rows, seen - size(rows) AS omittedEdges, omittedNodes, [n IN [c] + ring | n {.id, .name, .kind, .aliases}] AS refs

// Benchmark baseline (tests/bench): the answer of /api/actors/$actor/neighborhood?depth=2 in one
// query over the stored relations: ring 1 is $actor's $limit strongest neighbours, ring 2 each
// ring-1 actor's $limit strongest neighbours not in the graph before it (claims summed over the
// relations between the two, ties by id); the relations touching $actor or ring 1 with both ends
// shown, with their aggregates; how many relations and actors were left out; the drawing of the
// actors shown.
MATCH (c:Actor {id: $actor})
CALL (c) {
  MATCH (c)-[r:RELATION]-(b:Actor)
  WITH b, sum(r.claims) AS strength
  ORDER BY strength DESC, b.id
  LIMIT $limit
  RETURN collect(b) AS ring1
}
CALL (c, ring1) {
  UNWIND ring1 AS a
  CALL (c, ring1, a) {
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE b <> c AND NOT b IN ring1
    WITH b, sum(r.claims) AS strength
    ORDER BY strength DESC, b.id
    LIMIT $limit
    RETURN b
  }
  RETURN collect(DISTINCT b) AS ring2
}
WITH c, ring1, [c] + ring1 + ring2 AS kept
CALL (c, ring1, kept) {
  UNWIND [c] + ring1 AS a
  MATCH (a)-[r:RELATION]-(b:Actor)
  WITH DISTINCT r, b IN kept AND startNode(r) IN kept AND endNode(r) IN kept AS shown, CASE WHEN b IN kept THEN null ELSE b END AS left
  RETURN count(r) AS seen,
         count(DISTINCT left) AS omittedNodes,
         collect(CASE WHEN shown THEN {source: startNode(r).id, target: endNode(r).id, relation: properties(r)} END) AS rows
}
RETURN rows, seen - size(rows) AS omittedEdges, omittedNodes, [n IN kept | n {.id, .name, .kind, .aliases}] AS refs

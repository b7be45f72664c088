// Benchmark baseline (tests/bench): the answer of /api/graph (no filter) in one query over the
// stored relations: the $maxNodes actors with most claims (ties by id), among them the $maxEdges
// relations supported by most documents (then claims, then key) with their aggregates, the
// totals, and the drawing of the actors shown.
CALL () {
  MATCH (a:Actor)
  WHERE a.claims > 0
  WITH a
  ORDER BY a.claims DESC, a.id
  LIMIT $maxNodes
  RETURN collect(a) AS best
}
CALL (best) {
  UNWIND best AS s
  MATCH (s)-[r:RELATION]->(t:Actor)
  WHERE t IN best
  WITH r, s, t
  ORDER BY r.supporting DESC, r.claims DESC, r.key
  LIMIT $maxEdges
  RETURN collect({source: s.id, target: t.id, relation: properties(r)}) AS rows, collect(DISTINCT s) AS sources, collect(DISTINCT t) AS targets
}
CALL (sources, targets) {
  UNWIND sources + targets AS n
  WITH DISTINCT n
  RETURN collect(n {.id, .name, .kind, .aliases}) AS refs
}
RETURN rows,
       refs,
       COUNT { MATCH (a:Actor) WHERE a.claims > 0 } AS totalNodes,
       COUNT { ()-[:RELATION]->() } AS totalEdges

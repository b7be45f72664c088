// The unfiltered overview (server/graph/overview.ts): the $maxNodes actors with most claims
// (Actor.claims, kept at write time, equals an actor's weight over all relations; index
// actor_claims), then among them the $maxEdges most corroborated relations. Totals from the
// count store and the index; the drawing of the actors shown. When the whole graph fits, this
// is the whole graph.
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
  RETURN collect({source: s.id, target: t.id, relation: properties(r)}) AS rows, collect(DISTINCT s) + collect(DISTINCT t) AS ends
}
RETURN rows,
       COLLECT { UNWIND ends AS n WITH DISTINCT n RETURN n {.id, .name, .kind, .aliases} } AS refs,
       COUNT { MATCH (a:Actor) WHERE a.claims > 0 } AS totalNodes,
       COUNT { ()-[:RELATION]->() } AS totalEdges

// Benchmark baseline (tests/bench): two rings around $actor from the stored claims; each actor
// brings in its $limit strongest neighbours (by claims in either direction).
CALL () {
  CALL () {
    MATCH (c:Claim {subjectId: $actor}) RETURN c.objectId AS other
    UNION ALL
    MATCH (c:Claim {objectId: $actor}) RETURN c.subjectId AS other
  }
  WITH other, count(*) AS claims
  ORDER BY claims DESC, other
  LIMIT $limit
  RETURN other AS ring1, claims
}
CALL (ring1) {
  CALL (ring1) {
    MATCH (c:Claim {subjectId: ring1}) RETURN c.objectId AS other
    UNION ALL
    MATCH (c:Claim {objectId: ring1}) RETURN c.subjectId AS other
  }
  WITH other, count(*) AS claims
  ORDER BY claims DESC, other
  LIMIT $limit
  RETURN collect({id: other, claims: claims}) AS ring2
}
MATCH (n:Actor {id: ring1})
RETURN n {.id, .name, .kind} AS actor, claims, ring2

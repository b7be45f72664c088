// Benchmark baseline (tests/bench): $actor's $limit strongest neighbours by claims in either
// direction, straight from the stored claims.
CALL () {
  MATCH (c:Claim {subjectId: $actor}) RETURN c.objectId AS other
  UNION ALL
  MATCH (c:Claim {objectId: $actor}) RETURN c.subjectId AS other
}
WITH other, count(*) AS claims
ORDER BY claims DESC, other
LIMIT $limit
MATCH (n:Actor {id: other})
RETURN n {.id, .name, .kind} AS actor, claims

// Benchmark baseline (tests/bench): the answer of /api/actors/$actor/neighborhood?depth=1 in one
// query over the stored relations and rankings: $actor's ranking (`top`, its $horizon strongest
// relations, kept at write time for an actor with many; else its relations ranked here) names
// its neighbours, strongest first; the first $limit are shown with every ranked relation to them
// (aggregates found by key); the other ranked relations and their ends are counted as left out;
// whether the ranking was full; the drawing of the actors.
MATCH (c:Actor {id: $actor})
CALL (c) {
  WITH c
  WHERE c.top IS NULL
  MATCH (c)-[r:RELATION]-(:Actor)
  WITH r
  ORDER BY r.claims DESC, r.key
  LIMIT $horizon
  RETURN collect(r.key) AS ranked
}
WITH c, CASE WHEN c.top IS NULL THEN ranked ELSE c.top[..$horizon] END AS seen
CALL (c, seen) {
  UNWIND range(0, size(seen) - 1) AS i
  WITH i, split(seen[i], '|') AS ends
  WITH CASE WHEN ends[0] = c.id THEN ends[2] ELSE ends[0] END AS other, min(i) AS first
  ORDER BY first
  LIMIT $limit
  RETURN collect(other) AS ring
}
CALL (c, seen, ring) {
  UNWIND seen AS key
  WITH key, split(key, '|') AS ends
  WITH key, CASE WHEN ends[0] = c.id THEN ends[2] ELSE ends[0] END AS other
  RETURN collect(CASE WHEN other IN ring THEN key END) AS shown, count(DISTINCT CASE WHEN NOT other IN ring THEN other END) AS omittedNodes
}
CALL (shown) {
  UNWIND shown AS key
  MATCH (s:Actor)-[r:RELATION {key: key}]->(t:Actor)
  RETURN collect({source: s.id, target: t.id, relation: properties(r)}) AS rows
}
CALL (ring) {
  UNWIND ring AS id
  MATCH (n:Actor {id: id})
  RETURN collect(n {.id, .name, .kind, .aliases}) AS refs
}
RETURN rows, size(seen) - size(rows) AS omittedEdges, omittedNodes, size(seen) >= $horizon AS beyondHorizon, [c {.id, .name, .kind, .aliases}] + refs AS refs

// Keeps each touched actor's ranking (read by neighborhood.cypher): `top`, the keys of its
// $horizon strongest relations (claims, ties by key), and `topClaims`, their claims then. For
// each $changes entry ({actor, changed: [{key, claims}], dropped: [key]}, the actor's relations
// put-relations just merged or dropped) the stored list is merged with the changes, so a hub is
// not read again at every write. A list that may have cut relations off (it is full) is ranked
// again from the relations when one of its relations went or fell to where the list ended (a
// relation left out may now belong in it), as is an actor without a list yet. An actor with
// fewer than $rankedFrom relations and no list gets none: neighborhood.cypher ranks its few
// relations in the query (the same order), and the write skips it.
UNWIND $changes AS change
MATCH (a:Actor {id: change.actor})
WHERE a.top IS NOT NULL OR COUNT { (a)-[:RELATION]-() } >= $rankedFrom
CALL (a, change) {
  WITH coalesce(a.top, []) AS keys, coalesce(a.topClaims, []) AS claims
  WITH keys, claims, size(keys) >= $horizon AS full, last(keys) AS lastKey, last(claims) AS lastClaims
  UNWIND [i IN range(0, size(keys) - 1) | {key: keys[i], claims: claims[i], fresh: false}]
         + [c IN change.changed | {key: c.key, claims: c.claims, fresh: true}]
         + [key IN change.dropped | {key: key, claims: null, fresh: true}] AS version
  WITH full, lastKey, lastClaims, version.key AS key,
       max(CASE WHEN version.fresh THEN null ELSE version.claims END) AS before,
       max(CASE WHEN version.fresh THEN version.claims END) AS after,
       max(CASE WHEN version.fresh THEN 1 ELSE 0 END) = 1 AS fresh
  WITH full, key, CASE WHEN fresh THEN after ELSE before END AS claims,
       before IS NOT NULL AND fresh AND (after IS NULL OR after < lastClaims OR (after = lastClaims AND key > lastKey)) AS fell
  ORDER BY coalesce(claims, -1) DESC, key
  RETURN full, count(CASE WHEN fell THEN 1 END) > 0 AS fell,
         collect(CASE WHEN claims IS NOT NULL THEN key END)[..$horizon] AS mergedKeys,
         collect(claims)[..$horizon] AS mergedClaims
}
WITH a, a.top IS NULL OR (full AND fell) AS rerank, mergedKeys, mergedClaims
CALL (a, rerank) {
  WITH a
  WHERE rerank
  MATCH (a)-[r:RELATION]-()
  WITH r
  ORDER BY r.claims DESC, r.key
  LIMIT $horizon
  RETURN collect(r.key) AS rankedKeys, collect(r.claims) AS rankedClaims
}
SET a.top = CASE WHEN rerank THEN rankedKeys ELSE mergedKeys END,
    a.topClaims = CASE WHEN rerank THEN rankedClaims ELSE mergedClaims END

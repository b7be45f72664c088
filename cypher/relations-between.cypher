// The relations between given pairs of actors ($pairs: [[a, b]], either direction) passing the
// relation-level filters: the evidence of each found path.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair[0]})-[r:RELATION]-(b:Actor {id: pair[1]})
WHERE ($types IS NULL OR r.type IN $types)
  AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
  AND ($minClaims IS NULL OR r.claims >= $minClaims)
  AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, r AS relation

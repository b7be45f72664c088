// The relations with an end among $ids passing the relation-level filters (relationPredicate,
// server/graph/relations.ts: types, kinds of both ends, minClaims, minDocuments), each once:
// one ring of a neighbourhood. Aggregates only; no claim is read.
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:RELATION]-(b:Actor)
WHERE ($types IS NULL OR r.type IN $types)
  AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
  AND ($minClaims IS NULL OR r.claims >= $minClaims)
  AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
WITH DISTINCT r
RETURN startNode(r).id AS source, endNode(r).id AS target, r AS relation

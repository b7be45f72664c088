// One ring of a neighbourhood (server/graph/neighborhood.ts): each actor of $frontier brings in
// its $limit strongest neighbours not in $kept, over the relations passing the relation-level
// filters (relationPredicate); strength is the sum of claims over the relations between the
// two, ties by id. Only the chosen ids leave the database.
UNWIND $frontier AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[r:RELATION]-(b:Actor)
  WHERE NOT b.id IN $kept
    AND ($types IS NULL OR r.type IN $types)
    AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
    AND ($minClaims IS NULL OR r.claims >= $minClaims)
    AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
  WITH b.id AS other, sum(r.claims) AS strength
  ORDER BY strength DESC, other
  LIMIT $limit
  RETURN other
}
RETURN collect(DISTINCT other) AS next

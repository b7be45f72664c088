// Every relation passing the relation-level filters (relationPredicate): the filtered overview
// ranks them (server/graph/overview.ts). A scan of the relations, never of the claims.
MATCH (s:Actor)-[r:RELATION]->(t:Actor)
WHERE ($types IS NULL OR r.type IN $types)
  AND ($kinds IS NULL OR (s.kind IN $kinds AND t.kind IN $kinds))
  AND ($minClaims IS NULL OR r.claims >= $minClaims)
  AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
RETURN s.id AS source, t.id AS target, properties(r) AS relation

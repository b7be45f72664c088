// Every shortest path from $from to $to over the relations passing the relation-level filters,
// direction ignored, as lists of actor ids (server/graph/paths.ts ranks them). Variable-length
// bounds cannot be parameters: 6 is the API's largest maxLength, $maxLength cuts below it.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:RELATION*..6]-(b))
WHERE length(p) <= $maxLength
  AND all(r IN relationships(p) WHERE
    ($types IS NULL OR r.type IN $types)
    AND ($minClaims IS NULL OR r.claims >= $minClaims)
    AND ($minDocuments IS NULL OR r.supporting >= $minDocuments))
  AND ($kinds IS NULL OR all(n IN nodes(p) WHERE n.kind IN $kinds))
WITH DISTINCT [n IN nodes(p) | n.id] AS path
LIMIT $maxPaths
RETURN path

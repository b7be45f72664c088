// A neighbourhood once its rings are chosen (server/graph/neighborhood.ts): the passing
// relations touching an $expanded actor with both ends $kept, `omittedEdges` the other
// passing relations touching an expanded actor, `omittedNodes` their ends not kept, and the
// drawing of every kept actor. Only the shown relations' aggregates are read.
CALL () {
  UNWIND $expanded AS id
  MATCH (a:Actor {id: id})-[r:RELATION]-(b:Actor)
  WHERE ($types IS NULL OR r.type IN $types)
    AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
    AND ($minClaims IS NULL OR r.claims >= $minClaims)
    AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
  WITH r, b, b.id IN $kept AS shown
  RETURN count(DISTINCT r) AS seen,
         count(DISTINCT CASE WHEN shown THEN null ELSE b END) AS omittedNodes,
         collect(DISTINCT CASE WHEN shown THEN r END) AS kept
}
RETURN [r IN kept | {source: startNode(r).id, target: endNode(r).id, relation: properties(r)}] AS rows,
       seen - size(kept) AS omittedEdges,
       omittedNodes,
       COLLECT { MATCH (n:Actor) WHERE n.id IN $kept RETURN n {.id, .name, .kind, .aliases} } AS refs

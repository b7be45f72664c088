// One document with its claims, replacing every claim it had (its actors are put first, by
// put-actors, in the same transaction). A claim is a node: (:Claim)-[:IN]->(:Document),
// -[:SUBJECT]->(:Actor), -[:OBJECT]->(:Actor), its ends' ids copied onto it for the indexes.
MERGE (d:Document {id: $document.id})
SET d = $document
WITH d
CALL (d) {
  MATCH (old:Claim {documentId: d.id})
  DETACH DELETE old
}
WITH d
UNWIND $claims AS claim
MATCH (s:Actor {id: claim.subjectId}), (o:Actor {id: claim.objectId})
CREATE (c:Claim)-[:IN]->(d)
SET c = claim
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)

// Documents with their claims, each replacing every claim it had (their actors are put first,
// by put-actors, in the same transaction). A claim is a node: (:Claim)-[:IN]->(:Document),
// -[:SUBJECT]->(:Actor), -[:OBJECT]->(:Actor), its ends' ids and relation key copied onto it
// (a claim read needs no traversal for them; no index is kept on them).
UNWIND $documents AS doc
MERGE (d:Document {id: doc.document.id})
SET d = doc.document
WITH d, doc
CALL (d) {
  MATCH (old:Claim)-[:IN]->(d)
  DETACH DELETE old
}
WITH d, doc
UNWIND doc.claims AS claim
MATCH (s:Actor {id: claim.subjectId}), (o:Actor {id: claim.objectId})
CREATE (c:Claim)-[:IN]->(d)
SET c = claim
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)

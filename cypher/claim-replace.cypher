// A claim change on the graph: the claim $remove (if any) goes, $claim (if any: a claim node's
// properties, as put-documents writes them) comes, linked to its document and ends.
OPTIONAL MATCH (old:Claim {id: $remove})
CALL (old) {
  WITH old
  WHERE old IS NOT NULL
  DETACH DELETE old
}
WITH count(*) AS removed
UNWIND CASE WHEN $claim IS NULL THEN [] ELSE [$claim] END AS claim
MATCH (d:Document {id: claim.documentId}), (s:Actor {id: claim.subjectId}), (o:Actor {id: claim.objectId})
CREATE (c:Claim)-[:IN]->(d)
SET c = claim
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)

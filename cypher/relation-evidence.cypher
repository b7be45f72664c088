// The claims of some relations, only the fields their aggregate is computed from
// (relationAttributes, server/graph/aggregate.ts). A relation's claims are found among the
// claims of whichever of its ends (`source|TYPE|target`; actor ids hold no `|`) has fewer, through
// their SUBJECT and OBJECT relationships (no index on the relation key is written per claim).
UNWIND $keys AS key
WITH key, split(key, '|') AS ends
MATCH (s:Actor {id: ends[0]}), (t:Actor {id: ends[2]})
WITH key, CASE WHEN COUNT { (s)<-[:SUBJECT|OBJECT]-() } <= COUNT { (t)<-[:SUBJECT|OBJECT]-() } THEN s ELSE t END AS end
MATCH (end)<-[:SUBJECT|OBJECT]-(c:Claim)
WHERE c.relation = key
WITH DISTINCT c
RETURN c {subject: c.subjectId, .type, object: c.objectId, document: c.documentId, .certainty, .when} AS claim

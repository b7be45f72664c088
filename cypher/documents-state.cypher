// What the store holds that a batch of document upserts depends on, one row per document:
// the stored hash (null when new), which document owns each named claim id, and the relations
// and actors the document's stored claims touch (none for a new document: its claims only add
// evidence). MERGE takes each document's lock in id order, so concurrent puts of one new
// document wait for the first and then see its hash: one is created, the others unchanged. A
// document created here and then not written goes with the transaction. The named actors are
// read once for the whole batch (actors-stored).
UNWIND $documents AS doc
WITH doc
ORDER BY doc.id
MERGE (d:Document {id: doc.id})
RETURN doc.id AS id,
       d.hash AS hash,
       COLLECT { MATCH (c:Claim) WHERE c.id IN doc.claimIds RETURN {claim: c.id, document: c.documentId} } AS owners,
       COLLECT { MATCH (c:Claim)-[:IN]->(d) RETURN DISTINCT c.relation } AS relations,
       COLLECT { MATCH (c:Claim)-[:IN]->(d) UNWIND [c.subjectId, c.objectId] AS actor RETURN DISTINCT actor } AS actors

// Benchmark baseline (tests/bench): the answer of /api/claims?actor=$actor&offset=$offset&limit=$limit:
// how many claims name $actor at either end, and one page of them in evidence order (document,
// start, id) with every field the API shows, their document and ends.
CALL () {
  MATCH (:Actor {id: $actor})<-[:SUBJECT|OBJECT]-(c:Claim)
  RETURN count(DISTINCT c) AS total
}
CALL () {
  MATCH (:Actor {id: $actor})<-[:SUBJECT|OBJECT]-(c:Claim)
  WITH DISTINCT c
  ORDER BY c.documentId, c.start, c.id
  SKIP $offset
  LIMIT $limit
  MATCH (c)-[:IN]->(d:Document), (c)-[:SUBJECT]->(s:Actor), (c)-[:OBJECT]->(o:Actor)
  RETURN collect(c {.id, .type, .certainty, .attributedTo, .when, .quote, .start, .end, .origin, .confidence, .note,
    .mode, .role, .claimed, .revision, document: d.id, documentTitle: d.title, reliability: d.reliability,
    subject: s {.id, .name, .kind, .aliases}, object: o {.id, .name, .kind, .aliases}}) AS items
}
RETURN total, items

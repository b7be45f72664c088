// Benchmark baseline (tests/bench): one page of an actor's claims in evidence order (document,
// start, id) with its document and ends, and the total.
CALL () {
  MATCH (c:Claim)
  WHERE c.subjectId = $actor OR c.objectId = $actor
  RETURN count(c) AS total
}
CALL () {
  CALL () {
    MATCH (c:Claim {subjectId: $actor}) RETURN c
    UNION
    MATCH (c:Claim {objectId: $actor}) RETURN c
  }
  WITH c
  ORDER BY c.documentId, c.start, c.id
  SKIP $offset
  LIMIT $limit
  MATCH (c)-[:IN]->(d:Document), (c)-[:SUBJECT]->(s:Actor), (c)-[:OBJECT]->(o:Actor)
  RETURN collect(c {.id, .type, .certainty, .quote, .start, .end, document: d.id, documentTitle: d.title,
    reliability: d.reliability, subject: s {.id, .name, .kind}, object: o {.id, .name, .kind}}) AS items
}
RETURN total, items

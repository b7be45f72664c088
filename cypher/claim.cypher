// One claim as read back (the projection of claims.cypher), with its revision; no row when absent.
MATCH (s:Actor)<-[:SUBJECT]-(c:Claim {id: $id})-[:OBJECT]->(o:Actor), (c)-[:IN]->(d:Document)
RETURN c {
    .id, .type, .certainty, .attributedTo, .when, .quote, .start, .end, .origin, .confidence, .note,
    .mode, .role, .claimed, .revision,
    document: d.id, documentTitle: d.title, reliability: d.reliability,
    subject: s {.id, .name, .kind, .aliases},
    object: o {.id, .name, .kind, .aliases}
  } AS claim

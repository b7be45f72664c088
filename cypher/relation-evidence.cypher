// The claims of some relations, only the fields their aggregate is computed from
// (relationAttributes, server/graph/aggregate.ts).
UNWIND $keys AS key
MATCH (c:Claim {relation: key})
RETURN c {subject: c.subjectId, .type, object: c.objectId, document: c.documentId, .certainty, .when} AS claim

// Benchmark baseline (tests/bench): the relations one document asserts, with their ends and the
// certainty of each claim.
MATCH (c:Claim {documentId: $document})
WITH c.subjectId AS s, c.type AS type, c.objectId AS o, collect(c.certainty) AS certainties
MATCH (a:Actor {id: s}), (b:Actor {id: o})
RETURN a {.id, .name, .kind} AS source, type, b {.id, .name, .kind} AS target, size(certainties) AS claims, certainties

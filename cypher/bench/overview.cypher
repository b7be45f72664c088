// Benchmark baseline (tests/bench): the overview from the stored claims alone: the $maxNodes
// actors with most claims, then the $maxEdges relations among them supported by most documents.
MATCH (c:Claim)
UNWIND [c.subjectId, c.objectId] AS id
WITH id, count(*) AS claims
ORDER BY claims DESC, id
LIMIT $maxNodes
WITH collect(id) AS best
MATCH (c:Claim)
WHERE c.subjectId IN best AND c.objectId IN best
WITH c.subjectId AS s, c.type AS type, c.objectId AS o, count(DISTINCT c.documentId) AS documents, count(*) AS claims
ORDER BY documents DESC, claims DESC, s, type, o
LIMIT $maxEdges
RETURN s, type, o, documents, claims

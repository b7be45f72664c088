// Benchmark baseline (tests/bench): the answer of /api/graph?documents=$document in one query:
// the claims of the document aggregated by relation (claims, certainty counts, supporting and
// denying documents, first and last date by their bounds; one document never contests), and the
// drawing of the relations' ends. $symmetric: the relation types whose ends are unordered.
MATCH (:Document {id: $document})<-[:IN]-(c:Claim)
WITH c.relation AS key, c.type AS type, collect(c) AS claims
WITH key, type, split(key, '|') AS ends, claims, [c IN claims WHERE c.when IS NOT NULL] AS dated
WITH key, type, ends, claims,
     reduce(first = null, c IN dated | CASE WHEN first IS NULL OR [c.whenLo, c.whenHi, c.when] < [first.whenLo, first.whenHi, first.when] THEN c ELSE first END) AS first,
     reduce(last = null, c IN dated | CASE WHEN last IS NULL OR [c.whenHi, c.whenLo, c.when] > [last.whenHi, last.whenLo, last.when] THEN c ELSE last END) AS last
WITH collect({source: ends[0], target: ends[2], relation: {
  key: key, type: type, symmetric: type IN $symmetric, claims: size(claims), documents: [$document],
  asserted: size([c IN claims WHERE c.certainty = 'asserted']),
  reported: size([c IN claims WHERE c.certainty = 'reported']),
  alleged: size([c IN claims WHERE c.certainty = 'alleged']),
  speculative: size([c IN claims WHERE c.certainty = 'speculative']),
  denied: size([c IN claims WHERE c.certainty = 'denied']),
  supporting: CASE WHEN any(c IN claims WHERE c.certainty IN ['asserted', 'reported', 'alleged']) THEN 1 ELSE 0 END,
  denying: CASE WHEN any(c IN claims WHERE c.certainty = 'denied') THEN 1 ELSE 0 END,
  contested: false, firstWhen: first.when, lastWhen: last.when}}) AS rows
CALL (rows) {
  UNWIND rows AS row
  UNWIND [row.source, row.target] AS id
  WITH DISTINCT id
  MATCH (a:Actor {id: id})
  RETURN collect(a {.id, .name, .kind, .aliases}) AS refs
}
RETURN rows, refs

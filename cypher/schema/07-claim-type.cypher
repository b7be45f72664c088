// No query looks claims up by type (claims.cypher filters the type among candidates taken from
// the document, subject or object indexes): an index on it was one more entry written per
// claim at ingest and never read. Dropped where an earlier version created it.
DROP INDEX claim_type IF EXISTS

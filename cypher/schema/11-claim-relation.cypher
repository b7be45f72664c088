// A relation's claims (read when a replaced document or a claim change recomputes its
// aggregate) are found through the claims of its ends (relation-evidence.cypher): an index on
// the relation key was one more entry written per claim at ingest for a rare read. Dropped
// where an earlier version created it.
DROP INDEX claim_relation IF EXISTS

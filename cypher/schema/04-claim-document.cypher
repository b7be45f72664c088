// A document's claims are read through their IN relationships ((:Document)<-[:IN]-(:Claim)),
// so an index on the copied id was one more entry written per claim and never needed. Dropped
// where an earlier version created it.
DROP INDEX claim_document IF EXISTS

// An actor's claims are read through their SUBJECT and OBJECT relationships: an index on the
// copied subject id was one more entry written per claim. Dropped where an earlier version
// created it.
DROP INDEX claim_subject IF EXISTS

// Waits until every index and constraint is online (or $seconds pass: then it fails).
CALL db.awaitIndexes($seconds)

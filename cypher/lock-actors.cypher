// Write-locks the actors whose relations a batch recomputes, in id order (no deadlock between
// batches): a concurrent batch touching the same relations waits, then reads committed claims.
MATCH (a:Actor)
WHERE a.id IN $ids
WITH a
ORDER BY a.id
SET a.claims = coalesce(a.claims, 0)

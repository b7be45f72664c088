// The changes of the lineage claim $id belongs to (the last change naming it decides), oldest first.
MATCH (named:ClaimChange)
WHERE named.claim = $id OR named.previousId = $id
WITH named
ORDER BY named.at DESC, named.seq DESC
LIMIT 1
MATCH (h:ClaimChange {lineage: named.lineage})
RETURN h {.*} AS entry
ORDER BY h.seq

// The rejections of some documents, by document then claim id.
MATCH (r:Rejection)
WHERE r.document IN $documents
RETURN r {.*} AS rejection
ORDER BY r.document, r.id

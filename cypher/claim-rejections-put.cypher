// Keeps rejected extracted claims ($rejections: Rejection) by document and claim id.
UNWIND $rejections AS rejection
MERGE (r:Rejection {document: rejection.document, id: rejection.id})
SET r = rejection

// Filter by source document, and a document's claims when it is replaced.
CREATE INDEX claim_document IF NOT EXISTS FOR (c:Claim) ON (c.documentId)

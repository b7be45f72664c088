// A document's rejected extracted claims, read when the document is put again.
CREATE INDEX rejection_document IF NOT EXISTS FOR (r:Rejection) ON (r.document)

// Write-locks the document a claim change touches, first: changes to one document (and its
// re-ingest, which sets the node) run one after another, each reading what the last committed.
MATCH (d:Document {id: $document})
SET d._lock = true
REMOVE d._lock
RETURN d.id AS id

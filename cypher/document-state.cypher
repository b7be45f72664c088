// What the store holds that a document upsert depends on: the document's stored hash (null
// when new), which of the named actors exist, and which document owns each named claim id.
OPTIONAL MATCH (d:Document {id: $id})
RETURN d.hash AS hash,
       [id IN $actorIds WHERE EXISTS { MATCH (:Actor {id: id}) }] AS knownActors,
       COLLECT { MATCH (c:Claim) WHERE c.id IN $claimIds RETURN {claim: c.id, document: c.documentId} } AS owners

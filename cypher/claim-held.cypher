// The stored state of some claim ids: document, revision (1 when never changed) and ends.
MATCH (c:Claim)
WHERE c.id IN $ids
RETURN c.id AS id, c.documentId AS document, coalesce(c.revision, 1) AS revision, c.relation AS relation,
       c.subjectId AS subject, c.objectId AS object

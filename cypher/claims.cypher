// Claims passing the filters of server/store/claim-filter.ts (an absent filter is null, a list
// is a membership test) and the query's own who, what and where, in evidence order: document
// id, start offset, claim id. `total` counts them all; `items` is the page from $offset, of
// $limit claims, or every claim when $limit is null. Only the page is projected: the others
// are counted and sorted as node references.
//
// Candidates come from the narrowest index the query names: $pivotDocuments (claim_document)
// or $pivotActors (claim_subject, claim_object); only with neither ($scan) from every document.
CALL () {
  MATCH (d:Document) WHERE $scan
  MATCH (c:Claim)-[:IN]->(d)
  RETURN c
  UNION
  MATCH (c:Claim) WHERE c.documentId IN $pivotDocuments RETURN c
  UNION
  MATCH (c:Claim) WHERE c.subjectId IN $pivotActors RETURN c
  UNION
  MATCH (c:Claim) WHERE c.objectId IN $pivotActors RETURN c
}
MATCH (s:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(o:Actor), (c)-[:IN]->(d:Document)
WHERE ($documents IS NULL OR c.documentId IN $documents)
  AND ($types IS NULL OR c.type IN $types)
  AND ($certainty IS NULL OR c.certainty IN $certainty)
  AND ($kinds IS NULL OR (s.kind IN $kinds AND o.kind IN $kinds))
  AND ($origin IS NULL OR c.origin IN $origin)
  // $fromDay and $toDay are set together (lowerBound(from), upperBound(to)); undated claims drop out.
  AND ($fromDay IS NULL OR (c.whenLo <= $toDay AND c.whenHi >= $fromDay))
  // The grades the reliability threshold admits.
  AND ($grades IS NULL OR d.reliability IN $grades)
  AND ($document IS NULL OR c.documentId = $document)
  AND ($type IS NULL OR c.type = $type)
  AND ($actor IS NULL OR c.subjectId = $actor OR c.objectId = $actor)
  AND ($touching IS NULL OR c.subjectId IN $touching OR c.objectId IN $touching)
  AND (
    (($subject IS NULL OR c.subjectId = $subject) AND ($object IS NULL OR c.objectId = $object))
    OR ($undirected AND ($subject IS NULL OR c.objectId = $subject) AND ($object IS NULL OR c.subjectId = $object))
  )
WITH collect(c) AS matched
CALL (matched) {
  UNWIND matched AS c
  WITH c
  ORDER BY c.documentId, c.start, c.id
  SKIP $offset
  LIMIT coalesce($limit, 4294967295)
  MATCH (s:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(o:Actor), (c)-[:IN]->(d:Document)
  RETURN collect(c {
    .id, .type, .certainty, .attributedTo, .when, .quote, .start, .end, .origin, .confidence, .note,
    .mode, .role, .claimed, .revision,
    document: d.id, documentTitle: d.title, reliability: d.reliability,
    subject: s {.id, .name, .kind, .aliases},
    object: o {.id, .name, .kind, .aliases}
  }) AS items
}
RETURN size(matched) AS total, items,
       // With $evidence, every match's fields a relation's aggregate needs (rowsFromClaims):
       // graph reads with claim-level filters aggregate these, with $limit 0.
       CASE WHEN $evidence THEN [c IN matched | c {subject: c.subjectId, .type, object: c.objectId, document: c.documentId, .certainty, .when}] END AS evidence

// Claims passing the filters of server/store/claim-filter.ts (an absent filter is null, a list
// is a membership test) and the query's own who, what and where. `total` counts them; `items` is
// the page in evidence order (document id, start offset, claim id) from $offset, of $limit
// claims; with $evidence, `evidence` holds instead the fields a relation's aggregate needs
// (rowsFromClaims) of every match, unordered, and with $withRefs the drawing of the actors at
// their ends (a narrow read's graph needs no second round trip).
//
// One pass over the candidates: the matches are collected as node references (no properties) and
// counted; only the page is sorted out of them (the first $offset + $limit kept, not every match
// sorted) and expanded to its ends and document. Candidates come from the narrowest scope the
// query names, through relationships: the claims IN the $pivotDocuments, or the claims with a
// $pivotActors actor as SUBJECT or OBJECT; only with neither every claim, as the claims of the
// documents from $scanFrom ('', else null: a range of the document id index; a parameter test
// would come after a scan). The ends' kinds and the document's grade are looked up only when those
// filters are set.
CALL () {
  MATCH (d:Document) WHERE d.id >= $scanFrom MATCH (c:Claim)-[:IN]->(d) RETURN c
  UNION
  MATCH (d:Document) WHERE d.id IN $pivotDocuments MATCH (c:Claim)-[:IN]->(d) RETURN c
  UNION
  MATCH (a:Actor) WHERE a.id IN $pivotActors MATCH (c:Claim)-[:SUBJECT|OBJECT]->(a) RETURN c
}
WITH c
// With $exact the candidates are the answer (no filter, no selection beyond the pivot): no
// candidate is tested (a CASE evaluates only its branch; the tests below cost more than the
// reading of a hub's thousands of candidates).
WHERE CASE WHEN $exact THEN true ELSE
  ($documents IS NULL OR c.documentId IN $documents)
  AND ($types IS NULL OR c.type IN $types)
  AND ($certainty IS NULL OR c.certainty IN $certainty)
  AND ($origin IS NULL OR c.origin IN $origin)
  // $fromDay and $toDay are set together (lowerBound(from), upperBound(to)); undated claims drop out.
  AND ($fromDay IS NULL OR (c.whenLo <= $toDay AND c.whenHi >= $fromDay))
  AND ($document IS NULL OR c.documentId = $document)
  AND ($type IS NULL OR c.type = $type)
  AND ($actor IS NULL OR c.subjectId = $actor OR c.objectId = $actor)
  AND ($touching IS NULL OR c.subjectId IN $touching OR c.objectId IN $touching)
  AND (
    (($subject IS NULL OR c.subjectId = $subject) AND ($object IS NULL OR c.objectId = $object))
    OR ($undirected AND ($subject IS NULL OR c.objectId = $subject) AND ($object IS NULL OR c.subjectId = $object))
  )
  // CASE, not OR: the subqueries are then evaluated only when their filter is set, with no
  // per-candidate apply when it is not.
  AND CASE WHEN $kinds IS NULL THEN true ELSE EXISTS { (s:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(o:Actor) WHERE s.kind IN $kinds AND o.kind IN $kinds } END
  // The grades the reliability threshold admits.
  AND CASE WHEN $grades IS NULL THEN true ELSE EXISTS { (c)-[:IN]->(d:Document) WHERE d.reliability IN $grades } END
END
WITH collect(c) AS matches
CALL (matches) {
  UNWIND CASE WHEN $evidence THEN [] ELSE matches END AS c
  WITH c
  ORDER BY c.documentId, c.start, c.id
  SKIP $offset
  LIMIT $limit
  MATCH (s:Actor)<-[:SUBJECT]-(c)-[:OBJECT]->(o:Actor), (c)-[:IN]->(d:Document)
  RETURN collect(c {
    .id, .type, .certainty, .attributedTo, .when, .quote, .start, .end, .origin, .confidence, .note,
    .mode, .role, .claimed, .revision,
    document: d.id, documentTitle: d.title, reliability: d.reliability,
    subject: s {.id, .name, .kind, .aliases},
    object: o {.id, .name, .kind, .aliases}
  }) AS items
}
WITH size(matches) AS total, items, [c IN CASE WHEN $evidence THEN matches ELSE [] END | c {subject: c.subjectId, .type, object: c.objectId, document: c.documentId, .certainty, .when}] AS evidence
RETURN total, items, evidence,
       COLLECT {
         UNWIND CASE WHEN $withRefs THEN evidence ELSE [] END AS e
         UNWIND [e.subject, e.object] AS id
         WITH DISTINCT id
         MATCH (a:Actor {id: id})
         RETURN a {.id, .name, .kind, .aliases}
       } AS refs

// A neighbourhood in one query (the rule of server/graph/neighborhood.ts, which the embedded
// store runs over its index): ring by ring up to $depth (1-3; Cypher has no loop, so the ring is
// written three times, the later ones gated on $depth), each actor of a ring's frontier brings in
// its $limit strongest neighbours not in the graph before that ring, over the relations passing
// the relation-level filters (strength: claims summed over the relations between the two, ties
// by id). Then the passing relations touching an expanded actor: those with both ends kept are
// shown (their aggregates), the others counted (`omittedEdges`) with their ends left out
// (`omittedNodes`); and the drawing of every kept actor. No row when $center is no actor.
MATCH (center:Actor {id: $center})
WITH [center] AS kept, [center] AS frontier, [] AS expanded
// Ring 1.
CALL (kept, frontier) {
  UNWIND frontier AS a
  CALL (a, kept) {
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE NOT b IN kept
      AND ($types IS NULL OR r.type IN $types)
      AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
    WITH b, sum(r.claims) AS strength
    ORDER BY strength DESC, b.id
    LIMIT $limit
    RETURN b
  }
  RETURN collect(DISTINCT b) AS next
}
WITH kept + next AS kept, next AS frontier, expanded + frontier AS expanded
// Ring 2 (when $depth >= 2).
CALL (kept, frontier) {
  UNWIND CASE WHEN $depth >= 2 THEN frontier ELSE [] END AS a
  CALL (a, kept) {
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE NOT b IN kept
      AND ($types IS NULL OR r.type IN $types)
      AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
    WITH b, sum(r.claims) AS strength
    ORDER BY strength DESC, b.id
    LIMIT $limit
    RETURN b
  }
  RETURN collect(DISTINCT b) AS next
}
WITH kept + next AS kept, next AS frontier, expanded + CASE WHEN $depth >= 2 THEN frontier ELSE [] END AS expanded
// Ring 3 (when $depth >= 3).
CALL (kept, frontier) {
  UNWIND CASE WHEN $depth >= 3 THEN frontier ELSE [] END AS a
  CALL (a, kept) {
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE NOT b IN kept
      AND ($types IS NULL OR r.type IN $types)
      AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
    WITH b, sum(r.claims) AS strength
    ORDER BY strength DESC, b.id
    LIMIT $limit
    RETURN b
  }
  RETURN collect(DISTINCT b) AS next
}
WITH kept + next AS kept, next AS frontier, expanded + CASE WHEN $depth >= 3 THEN frontier ELSE [] END AS expanded
CALL (kept, expanded) {
  UNWIND expanded AS a
  MATCH (a)-[r:RELATION]-(b:Actor)
  WHERE ($types IS NULL OR r.type IN $types)
    AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
    AND ($minClaims IS NULL OR r.claims >= $minClaims)
    AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
  WITH DISTINCT r, CASE WHEN b IN kept THEN null ELSE b END AS left
  RETURN count(r) AS seen,
         count(DISTINCT left) AS omittedNodes,
         collect(CASE WHEN left IS NULL THEN {source: startNode(r).id, target: endNode(r).id, relation: properties(r)} END) AS rows
}
RETURN rows, seen - size(rows) AS omittedEdges, omittedNodes, [n IN kept | n {.id, .name, .kind, .aliases}] AS refs

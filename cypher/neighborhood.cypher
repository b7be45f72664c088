// A neighbourhood in one query (the rule of server/graph/neighborhood.ts, which the embedded
// store runs over its index). Each actor's relations are ranked strongest first (claims, ties by
// key): `Actor.top` holds the keys of its $horizon strongest, kept by actor-tops at every write,
// so without relation-level filters an actor is read through that list only; with them ($filtered)
// or on an actor written before the list existed, its passing relations are ranked here. Ring by
// ring up to $depth (1-3; Cypher has no loop, so the ring is written three times, the later ones
// gated on $depth), each actor of a ring's frontier sees its ranked keys and follows the first
// $limit; the followed relations' other ends not yet in the graph make the next ring (the ends are
// read from the keys, `source|TYPE|target`). The followed relations are shown (their aggregates,
// found by key), the other seen ones counted (`omittedEdges`) with their ends left out
// (`omittedNodes`); and the drawing of every kept actor. No row when $center is no actor.
MATCH (center:Actor {id: $center})
WITH center, [center.id] AS kept, [center] AS frontier, [] AS seen, [] AS shown
// Ring 1.
CALL (frontier, kept) {
  UNWIND frontier AS a
  CALL (a) {
    WITH a
    WHERE $filtered OR a.top IS NULL
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE ($types IS NULL OR r.type IN $types)
      AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
    WITH r
    ORDER BY r.claims DESC, r.key
    LIMIT $horizon
    RETURN collect(r.key) AS ranked
  }
  WITH a, CASE WHEN $filtered OR a.top IS NULL THEN ranked ELSE a.top END AS ranked
  UNWIND range(0, size(ranked) - 1) AS i
  WITH a, ranked[i] AS key, i < $limit AS followed
  WITH a, key, followed, split(key, '|') AS ends
  WITH key, followed, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
  RETURN collect(key) AS seenKeys,
         collect(CASE WHEN followed THEN key END) AS followedKeys,
         collect(DISTINCT CASE WHEN followed AND NOT other IN kept THEN other END) AS next
}
CALL (next) {
  UNWIND next AS id
  MATCH (n:Actor {id: id})
  RETURN collect(n) AS nextNodes
}
WITH center, kept + next AS kept, nextNodes AS frontier, seen + seenKeys AS seen, shown + followedKeys AS shown
// Ring 2 (when $depth >= 2).
CALL (frontier, kept) {
  UNWIND CASE WHEN $depth >= 2 THEN frontier ELSE [] END AS a
  CALL (a) {
    WITH a
    WHERE $filtered OR a.top IS NULL
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE ($types IS NULL OR r.type IN $types)
      AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
    WITH r
    ORDER BY r.claims DESC, r.key
    LIMIT $horizon
    RETURN collect(r.key) AS ranked
  }
  WITH a, CASE WHEN $filtered OR a.top IS NULL THEN ranked ELSE a.top END AS ranked
  UNWIND range(0, size(ranked) - 1) AS i
  WITH a, ranked[i] AS key, i < $limit AS followed
  WITH a, key, followed, split(key, '|') AS ends
  WITH key, followed, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
  RETURN collect(key) AS seenKeys,
         collect(CASE WHEN followed THEN key END) AS followedKeys,
         collect(DISTINCT CASE WHEN followed AND NOT other IN kept THEN other END) AS next
}
CALL (next) {
  UNWIND next AS id
  MATCH (n:Actor {id: id})
  RETURN collect(n) AS nextNodes
}
WITH center, kept + next AS kept, nextNodes AS frontier, seen + seenKeys AS seen, shown + followedKeys AS shown
// Ring 3 (when $depth >= 3).
CALL (frontier, kept) {
  UNWIND CASE WHEN $depth >= 3 THEN frontier ELSE [] END AS a
  CALL (a) {
    WITH a
    WHERE $filtered OR a.top IS NULL
    MATCH (a)-[r:RELATION]-(b:Actor)
    WHERE ($types IS NULL OR r.type IN $types)
      AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
      AND ($minClaims IS NULL OR r.claims >= $minClaims)
      AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
    WITH r
    ORDER BY r.claims DESC, r.key
    LIMIT $horizon
    RETURN collect(r.key) AS ranked
  }
  WITH a, CASE WHEN $filtered OR a.top IS NULL THEN ranked ELSE a.top END AS ranked
  UNWIND range(0, size(ranked) - 1) AS i
  WITH a, ranked[i] AS key, i < $limit AS followed
  WITH a, key, followed, split(key, '|') AS ends
  WITH key, followed, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
  RETURN collect(key) AS seenKeys,
         collect(CASE WHEN followed THEN key END) AS followedKeys,
         collect(DISTINCT CASE WHEN followed AND NOT other IN kept THEN other END) AS next
}
WITH center, kept + next AS kept, seen + seenKeys AS seen, shown + followedKeys AS shown
CALL (seen) {
  UNWIND seen AS key
  WITH split(key, '|') AS ends
  UNWIND [ends[0], ends[2]] AS end
  RETURN count(DISTINCT end) AS seenNodes
}
CALL (seen) {
  UNWIND seen AS key
  RETURN count(DISTINCT key) AS seenEdges
}
CALL (shown) {
  UNWIND shown AS key
  WITH DISTINCT key
  MATCH (s:Actor)-[r:RELATION {key: key}]->(t:Actor)
  RETURN collect({source: s.id, target: t.id, relation: properties(r)}) AS rows
}
CALL (kept) {
  UNWIND kept AS id
  MATCH (n:Actor {id: id})
  RETURN collect(n {.id, .name, .kind, .aliases}) AS refs
}
RETURN rows, seenEdges - size(rows) AS omittedEdges, CASE WHEN seenNodes = 0 THEN 1 ELSE seenNodes END - size(kept) AS omittedNodes, refs

// A neighbourhood in one query (the rule of server/graph/neighborhood.ts, which the embedded
// store runs over its index). Each actor's relations are ranked strongest first (claims, ties by
// key): `Actor.top` holds the keys of its $horizon strongest, kept by actor-tops at every write,
// so without relation-level filters an actor is read through that list only; with them
// ($filtered), or for an actor written before rankings existed, its passing relations are ranked
// here. Ring by ring up to $depth (1-3; Cypher has no loop, so the ring is written three times,
// the later ones gated on $depth), each actor of a ring's frontier sees its ranked relations and
// brings in the first $limit neighbours they name that are not in the graph before that ring (the
// ends are read from the keys, `source|TYPE|target`; the key that brought each one in is kept).
// Then the seen relations with both ends kept are shown (their aggregates, found by key), at most
// $maxEdges of them: every one that brought an actor in, then the strongest others. The other seen
// ones are counted (`omittedEdges`), and so are the ends of seen relations not shown
// (`omittedNodes`: the ends outside the rings, and ring actors whose relations were all cut);
// `beyondHorizon` says an expanded actor's ranking was full, and the drawing of every kept actor
// is returned. No row when $center is no actor. A ring's frontier is ids: its actors are looked up
// by the ring that expands them, so the last ring's are never looked up before the drawing.
MATCH (center:Actor {id: $center})
WITH [center.id] AS kept, [center.id] AS frontier, [] AS seen, [] AS bringing
// Ring 1.
CALL (frontier, kept) {
  UNWIND frontier AS id
  MATCH (a:Actor {id: id})
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
  WITH a, CASE WHEN $filtered OR a.top IS NULL THEN ranked ELSE a.top[..$horizon] END AS ranked
  CALL (a, ranked, kept) {
    UNWIND range(0, size(ranked) - 1) AS i
    WITH i, split(ranked[i], '|') AS ends
    WITH i, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
    WHERE NOT other IN kept
    WITH other, min(i) AS first
    ORDER BY first
    LIMIT $limit
    RETURN collect(other) AS brought, collect(ranked[first]) AS via
  }
  RETURN collect(ranked) AS lists, collect(brought) AS brought, collect(via) AS vias
}
CALL (brought) {
  UNWIND brought AS ids
  UNWIND ids AS id
  RETURN collect(DISTINCT id) AS next
}
WITH kept + next AS kept, next AS frontier, seen + lists AS seen, bringing + vias AS bringing
// Ring 2 (when $depth >= 2).
CALL (frontier, kept) {
  UNWIND CASE WHEN $depth >= 2 THEN frontier ELSE [] END AS id
  MATCH (a:Actor {id: id})
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
  WITH a, CASE WHEN $filtered OR a.top IS NULL THEN ranked ELSE a.top[..$horizon] END AS ranked
  CALL (a, ranked, kept) {
    UNWIND range(0, size(ranked) - 1) AS i
    WITH i, split(ranked[i], '|') AS ends
    WITH i, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
    WHERE NOT other IN kept
    WITH other, min(i) AS first
    ORDER BY first
    LIMIT $limit
    RETURN collect(other) AS brought, collect(ranked[first]) AS via
  }
  RETURN collect(ranked) AS lists, collect(brought) AS brought, collect(via) AS vias
}
CALL (brought) {
  UNWIND brought AS ids
  UNWIND ids AS id
  RETURN collect(DISTINCT id) AS next
}
WITH kept + next AS kept, next AS frontier, seen + lists AS seen, bringing + vias AS bringing
// Ring 3 (when $depth >= 3).
CALL (frontier, kept) {
  UNWIND CASE WHEN $depth >= 3 THEN frontier ELSE [] END AS id
  MATCH (a:Actor {id: id})
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
  WITH a, CASE WHEN $filtered OR a.top IS NULL THEN ranked ELSE a.top[..$horizon] END AS ranked
  CALL (a, ranked, kept) {
    UNWIND range(0, size(ranked) - 1) AS i
    WITH i, split(ranked[i], '|') AS ends
    WITH i, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
    WHERE NOT other IN kept
    WITH other, min(i) AS first
    ORDER BY first
    LIMIT $limit
    RETURN collect(other) AS brought, collect(ranked[first]) AS via
  }
  RETURN collect(ranked) AS lists, collect(brought) AS brought, collect(via) AS vias
}
CALL (brought) {
  UNWIND brought AS ids
  UNWIND ids AS id
  RETURN collect(DISTINCT id) AS next
}
WITH kept + next AS kept, seen + lists AS seen, bringing + vias AS bringing
CALL (bringing) {
  UNWIND bringing AS list
  UNWIND list AS key
  RETURN collect(DISTINCT key) AS tree
}
CALL (seen, kept) {
  UNWIND seen AS list
  UNWIND list AS key
  WITH DISTINCT key
  WITH key, split(key, '|') AS ends
  WITH key, ends, ends[0] IN kept AS sourceKept, ends[2] IN kept AS targetKept
  RETURN count(key) AS seenEdges,
         collect(CASE WHEN sourceKept AND targetKept THEN key END) AS inside,
         collect(CASE WHEN NOT sourceKept THEN ends[0] END) + collect(CASE WHEN NOT targetKept THEN ends[2] END) AS left
}
CALL (left) {
  UNWIND left AS end
  RETURN count(DISTINCT end) AS leftOut
}
CALL (inside, tree) {
  UNWIND inside AS key
  MATCH (s:Actor)-[r:RELATION {key: key}]->(t:Actor)
  WITH s, r, t, key IN tree AS bringing
  ORDER BY bringing DESC, r.claims DESC, r.key
  RETURN collect({source: s.id, target: t.id, relation: properties(r)}) AS ranked
}
WITH kept, seen, seenEdges, leftOut, ranked[..CASE WHEN size(tree) > $maxEdges THEN size(tree) ELSE $maxEdges END] AS rows
CALL (rows) {
  UNWIND rows AS row
  UNWIND [row.source, row.target] AS id
  WITH DISTINCT id
  WHERE id <> $center
  RETURN count(id) + 1 AS shownNodes
}
CALL (kept) {
  UNWIND kept AS id
  MATCH (n:Actor {id: id})
  RETURN collect(n {.id, .name, .kind, .aliases}) AS refs
}
RETURN rows,
       seenEdges - size(rows) AS omittedEdges,
       leftOut + size(kept) - shownNodes AS omittedNodes,
       any(list IN seen WHERE size(list) >= $horizon) AS beyondHorizon,
       refs

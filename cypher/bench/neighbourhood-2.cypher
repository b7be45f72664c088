// Benchmark baseline (tests/bench): the answer of /api/actors/$actor/neighborhood?depth=2 in one
// query over the stored relations and rankings (`top`: an actor's $horizon strongest relations,
// kept at write time for an actor with many; else its relations ranked here): ring 1 is the
// first $limit neighbours $actor's ranking names, ring 2 each ring-1 actor's first $limit named
// neighbours not in the graph before it; the relations ranked by
// $actor or a ring-1 actor with both ends kept are shown (aggregates found by key), at most
// $maxEdges: those that brought an actor in, then by claims and key; the other ranked ones and
// the ends not shown are counted as left out; whether a ranking was full; the drawing.
MATCH (c:Actor {id: $actor})
CALL (c) {
  CALL (c) {
    WITH c
    WHERE c.top IS NULL
    MATCH (c)-[r:RELATION]-(:Actor)
    WITH r
    ORDER BY r.claims DESC, r.key
    LIMIT $horizon
    RETURN collect(r.key) AS ranked
  }
  WITH c, CASE WHEN c.top IS NULL THEN ranked ELSE c.top[..$horizon] END AS seen
  UNWIND range(0, size(seen) - 1) AS i
  WITH seen, i, split(seen[i], '|') AS ends
  WITH seen, CASE WHEN ends[0] = c.id THEN ends[2] ELSE ends[0] END AS other, min(i) AS first
  ORDER BY first
  LIMIT $limit
  MATCH (b:Actor {id: other})
  RETURN collect(b) AS ring1, collect(seen[first]) AS via1
}
CALL (c, ring1) {
  UNWIND ring1 AS a
  CALL (c, ring1, a) {
    CALL (a) {
      WITH a
      WHERE a.top IS NULL
      MATCH (a)-[r:RELATION]-(:Actor)
      WITH r
      ORDER BY r.claims DESC, r.key
      LIMIT $horizon
      RETURN collect(r.key) AS ranked
    }
    WITH a, CASE WHEN a.top IS NULL THEN ranked ELSE a.top[..$horizon] END AS seen
    UNWIND range(0, size(seen) - 1) AS i
    WITH seen, i, split(seen[i], '|') AS ends
    WITH seen, i, CASE WHEN ends[0] = a.id THEN ends[2] ELSE ends[0] END AS other
    WHERE other <> c.id AND NOT other IN [b IN ring1 | b.id]
    WITH seen, other, min(i) AS first
    ORDER BY first
    LIMIT $limit
    RETURN collect(other) AS brought, collect(seen[first]) AS via
  }
  WITH collect(brought) AS brought, collect(via) AS vias
  CALL (brought) {
    UNWIND brought AS ids
    UNWIND ids AS id
    WITH DISTINCT id
    MATCH (n:Actor {id: id})
    RETURN collect(n) AS ring2
  }
  CALL (vias) {
    UNWIND vias AS keys
    UNWIND keys AS key
    RETURN collect(key) AS via2
  }
  RETURN ring2, via2
}
WITH c, ring1, [c] + ring1 + ring2 AS kept, via1 + via2 AS tree
WITH c, ring1, kept, tree, [n IN kept | n.id] AS keptIds
CALL (c, ring1, keptIds) {
  UNWIND [c] + ring1 AS a
  CALL (a) {
    WITH a
    WHERE a.top IS NULL
    MATCH (a)-[r:RELATION]-(:Actor)
    WITH r
    ORDER BY r.claims DESC, r.key
    LIMIT $horizon
    RETURN collect(r.key) AS ranked
  }
  WITH CASE WHEN a.top IS NULL THEN ranked ELSE a.top[..$horizon] END AS seen
  RETURN max(size(seen)) >= $horizon AS beyondHorizon, collect(seen) AS lists
}
CALL (lists, keptIds) {
  UNWIND lists AS list
  UNWIND list AS key
  WITH DISTINCT key
  WITH key, split(key, '|') AS ends
  WITH key, ends, ends[0] IN keptIds AS sourceKept, ends[2] IN keptIds AS targetKept
  RETURN count(key) AS seen,
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
WITH c, kept, seen, beyondHorizon, leftOut, ranked[..CASE WHEN size(tree) > $maxEdges THEN size(tree) ELSE $maxEdges END] AS rows
CALL (c, rows) {
  UNWIND rows AS row
  UNWIND [row.source, row.target] AS id
  WITH DISTINCT id
  WHERE id <> c.id
  RETURN count(id) + 1 AS shownNodes
}
RETURN rows, seen - size(rows) AS omittedEdges, leftOut + size(kept) - shownNodes AS omittedNodes, beyondHorizon, [n IN kept | n {.id, .name, .kind, .aliases}] AS refs

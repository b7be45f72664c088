// The relations between given pairs of actors ($pairs: [[a, b]], either direction) passing the
// relation-level filters: the evidence of each found path, with the drawing of the paths' actors.
CALL () {
  UNWIND $pairs AS pair
  MATCH (a:Actor {id: pair[0]})-[r:RELATION]-(b:Actor {id: pair[1]})
  WHERE ($types IS NULL OR r.type IN $types)
    AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
    AND ($minClaims IS NULL OR r.claims >= $minClaims)
    AND ($minDocuments IS NULL OR r.supporting >= $minDocuments)
  WITH DISTINCT r
  RETURN collect({source: startNode(r).id, target: endNode(r).id, relation: properties(r)}) AS rows
}
RETURN rows,
       COLLECT { UNWIND $pairs AS pair UNWIND pair AS id WITH DISTINCT id MATCH (n:Actor {id: id}) RETURN n {.id, .name, .kind, .aliases} } AS refs

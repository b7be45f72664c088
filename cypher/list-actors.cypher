// Every actor (of $kinds, when given) with its degree: the distinct other actors a claim links
// it to. Sorted by $sort ('degree' or 'name'; name then id break ties), the page
// [$offset, $offset + $limit) and the total.
MATCH (a:Actor)
WHERE $kinds IS NULL OR a.kind IN $kinds
CALL (a) {
  OPTIONAL MATCH (a)<-[:SUBJECT|OBJECT]-(:Claim)-[:SUBJECT|OBJECT]->(b:Actor)
  WHERE b <> a
  RETURN count(DISTINCT b) AS degree
}
WITH a, degree
ORDER BY CASE WHEN $sort = 'degree' THEN degree ELSE 0 END DESC, a.name, a.id
WITH collect(a {.id, .name, .kind, .aliases, degree: degree}) AS actors
RETURN size(actors) AS total, actors[$offset..$offset + $limit] AS items

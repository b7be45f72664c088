// Benchmark baseline (tests/bench): up to $k shortest paths between two actors through claims
// (an actor hop is claim-SUBJECT/OBJECT-claim, so 8 relationships are 4 actor hops), as actor ids.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = allShortestPaths((a)-[:SUBJECT|OBJECT*..8]-(b))
WITH [n IN nodes(p) WHERE n:Actor | n.id] AS path
LIMIT $k
RETURN path

// The stored aggregates of some relations, by key (the relation_key index), for a put that adds
// the claims of documents new to them (mergeAttributes, server/graph/aggregate.ts).
UNWIND $keys AS key
MATCH (s:Actor)-[r:RELATION {key: key}]->(t:Actor)
RETURN s.id AS source, t.id AS target, properties(r) AS relation

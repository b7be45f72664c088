// One actor with the type and document of every claim it is an end of (a self-claim once).
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)<-[:SUBJECT|OBJECT]-(c:Claim)
WITH a, collect(DISTINCT c) AS claims
RETURN a {.id, .name, .kind, .aliases, .description} AS actor,
       [c IN claims | c.type] AS types,
       [c IN claims | c.documentId] AS documents

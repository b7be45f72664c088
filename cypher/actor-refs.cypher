// The actors a graph response draws, by id.
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a {.id, .name, .kind, .aliases} AS actor

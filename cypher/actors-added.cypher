// The actors analysts added (actor-add), by id.
MATCH (a:Actor)
WHERE a.added
RETURN a {.id, .name, .kind, .aliases, .description} AS actor
ORDER BY a.id

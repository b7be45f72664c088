// The stored actors among some ids, once for a whole batch of document upserts (as stored, so
// unchanged ones are not written again). A query without writes: its index seeks take no locks.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.id, .name, .kind, .aliases, .description} AS actor

// Actors with this id, or answering to one of these compacted names ($names, compactName).
MATCH (a:Actor)
WHERE a.id = $id OR any(name IN split(a.searchCompact, '|') WHERE name IN $names)
RETURN a {.id, .name, .kind, .aliases} AS actor

// Word-prefix search over folded names and aliases (normalizeName), accent-insensitive.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.searchText]

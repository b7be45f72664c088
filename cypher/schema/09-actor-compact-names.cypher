// Substring search over compacted names and aliases ("iskp" in "iskp|islamicstatekhorasan").
CREATE TEXT INDEX actor_compact_names IF NOT EXISTS FOR (a:Actor) ON (a.searchCompact)

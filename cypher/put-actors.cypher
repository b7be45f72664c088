// Inserts or updates actors by id ($actors: [{props, label}], props holding the folded search
// texts too); an actor equal to the stored one is not written. Returns how many changed.
UNWIND $actors AS actor
MERGE (a:Actor {id: actor.props.id})
WITH a, actor
WHERE NOT coalesce(
  a.name = actor.props.name
    AND a.kind = actor.props.kind
    AND a.aliases = actor.props.aliases
    AND ((a.description IS NULL AND actor.props.description IS NULL) OR a.description = actor.props.description),
  false)
REMOVE a:$([label IN labels(a) WHERE label <> 'Actor'])
SET a = actor.props, a:$(actor.label)
RETURN count(a) AS changed

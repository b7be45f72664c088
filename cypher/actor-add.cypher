// An analyst's new actor ($actor: {props, label}, as put-actors takes them), marked as added;
// the actor_id constraint refuses an id that exists.
CREATE (a:Actor)
SET a = $actor.props, a:$($actor.label), a.added = true, a.claims = 0

// Which of $ids are actors.
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a.id AS id

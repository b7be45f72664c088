// Which of $ids name stored documents (a request's documents filter is checked against them).
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id

// Deletes every node and relationship. Tests only: each test starts from an empty store.
MATCH (n)
DETACH DELETE n

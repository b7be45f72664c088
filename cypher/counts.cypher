// How much the store holds (GET /api/health).
RETURN COUNT { (:Document) } AS documents, COUNT { (:Actor) } AS actors, COUNT { (:Claim) } AS claims

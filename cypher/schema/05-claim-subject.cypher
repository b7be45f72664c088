// Claims with this actor as subject: an actor's claims, and the evidence for one edge.
CREATE INDEX claim_subject IF NOT EXISTS FOR (c:Claim) ON (c.subjectId)

// A relation's claims, when a document put recomputes its aggregate.
CREATE INDEX claim_relation IF NOT EXISTS FOR (c:Claim) ON (c.relation)

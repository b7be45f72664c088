CREATE INDEX claim_type IF NOT EXISTS FOR (c:Claim) ON (c.type)

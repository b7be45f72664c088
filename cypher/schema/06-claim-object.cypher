// Claims with this actor as object.
CREATE INDEX claim_object IF NOT EXISTS FOR (c:Claim) ON (c.objectId)

// The changes that name a claim id, after or before.
CREATE INDEX claim_change_claim IF NOT EXISTS FOR (h:ClaimChange) ON (h.claim)

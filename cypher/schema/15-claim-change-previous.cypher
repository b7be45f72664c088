CREATE INDEX claim_change_previous IF NOT EXISTS FOR (h:ClaimChange) ON (h.previousId)

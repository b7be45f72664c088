// A claim's history: every change of its lineage (the ids it had).
CREATE INDEX claim_change_lineage IF NOT EXISTS FOR (h:ClaimChange) ON (h.lineage)

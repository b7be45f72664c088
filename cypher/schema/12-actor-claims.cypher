// The best-connected actors first (the overview), without a scan.
CREATE INDEX actor_claims IF NOT EXISTS FOR (a:Actor) ON (a.claims)

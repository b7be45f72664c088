// Records one claim change ($entry: flat, the claim views before and after as JSON), numbered within its lineage.
WITH COUNT { (x:ClaimChange {lineage: $entry.lineage}) } AS seq
CREATE (h:ClaimChange)
SET h = $entry, h.seq = seq

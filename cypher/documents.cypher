// Every document's metadata with its claim count and text length, by id.
MATCH (d:Document)
RETURN d {
  .id, .title, .outlet, .author, .date, .url, .language, .reliability, .reliabilityNote, .hash, .length,
  claims: COUNT { (:Claim)-[:IN]->(d) }
} AS document
ORDER BY d.id

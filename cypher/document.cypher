// One document as stored: metadata, text, body spans (kept as two parallel lists) and hash.
MATCH (d:Document {id: $id})
RETURN d {
  .id, .title, .outlet, .author, .date, .url, .language, .reliability, .reliabilityNote, .text, .hash,
  body: [i IN range(0, size(d.bodyStarts) - 1) | [d.bodyStarts[i], d.bodyEnds[i]]]
} AS document

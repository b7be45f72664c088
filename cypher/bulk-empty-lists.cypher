// After a bulk import (neo4j-admin reads an empty field as no value): the list properties that
// are empty lists, set on the nodes that hold them ($actors, $documents, $claims: [{id, props}]).
CALL () {
  UNWIND $actors AS row
  MATCH (n:Actor {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND $documents AS row
  MATCH (n:Document {id: row.id})
  SET n += row.props
}
CALL () {
  UNWIND $claims AS row
  MATCH (n:Claim {id: row.id})
  SET n += row.props
}

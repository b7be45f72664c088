// Writes relation aggregates: relations without claims left go ($dropped: keys), stored ones
// take their new aggregate through the relation_key index ($updated: the properties), new ones
// are created between their ends ($created: [{source, target, props}]; the caller read which
// exist under the actors' locks, so none is merged), and the touched actors' claim counts are
// recounted from the degree store.
CALL () {
  UNWIND $dropped AS key
  MATCH ()-[r:RELATION {key: key}]->()
  DELETE r
}
CALL () {
  UNWIND $updated AS props
  MATCH ()-[r:RELATION {key: props.key}]->()
  SET r = props
}
CALL () {
  UNWIND $created AS relation
  MATCH (s:Actor {id: relation.source}), (t:Actor {id: relation.target})
  CREATE (s)-[r:RELATION]->(t)
  SET r = relation.props
}
CALL () {
  MATCH (a:Actor)
  WHERE a.id IN $actors
  SET a.claims = COUNT { (a)<-[:SUBJECT]-() } + COUNT { (a)<-[:OBJECT]-() }
}

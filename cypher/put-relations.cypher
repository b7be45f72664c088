// Writes recomputed aggregates: relations without claims left go, the others are merged
// between their ends with the aggregate as properties ($relations: [{source, target,
// props}]), and the touched actors' claim counts are recounted from the degree store.
CALL () {
  UNWIND $dropped AS key
  MATCH ()-[r:RELATION {key: key}]->()
  DELETE r
}
CALL () {
  UNWIND $relations AS relation
  MATCH (s:Actor {id: relation.source}), (t:Actor {id: relation.target})
  MERGE (s)-[r:RELATION {key: relation.props.key}]->(t)
  SET r = relation.props
}
CALL () {
  MATCH (a:Actor)
  WHERE a.id IN $actors
  SET a.claims = COUNT { (a)<-[:SUBJECT]-() } + COUNT { (a)<-[:OBJECT]-() }
}

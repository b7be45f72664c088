/** Picks the store from configuration: Neo4j when NEO4J_URI is set, else the embedded journal. */
import type { Config } from '../config.ts';
import type { GraphStore } from './graph-store.ts';

export async function createStore(config: Config): Promise<GraphStore> {
  if (config.NEO4J_URI) {
    const { Neo4jStore } = await import('./neo4j/index.ts');
    return new Neo4jStore({
      uri: config.NEO4J_URI,
      user: config.NEO4J_USER,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      heldAnswers: config.DYAD_READ_CACHE,
    });
  }
  const { EmbeddedStore } = await import('./embedded/index.ts');
  return new EmbeddedStore({ dataDir: config.DYAD_DATA_DIR, heldAnswers: config.DYAD_READ_CACHE });
}

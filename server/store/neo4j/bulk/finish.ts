/**
 * What follows neo4j-admin's import, against the running Neo4j that serves it: the schema
 * (cypher/schema, applied as Neo4jStore.open() applies it at every start), every index and
 * constraint online, then the empty lists neo4j-admin cannot write (bulk-graph.ts).
 */
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { Neo4jStore, type Neo4jStoreOptions } from '../index.ts';
import { CypherSession } from '../session.ts';
import type { ImportManifest } from './bulk-graph.ts';

/** How long the indexes may take to come online. */
const INDEX_SECONDS = 3_600;
/** Nodes per transaction when the empty lists are set. */
const CHUNK = 10_000;

export async function finishImport(options: Neo4jStoreOptions, manifest: Pick<ImportManifest, 'emptyLists'>): Promise<void> {
  const store = new Neo4jStore(options);
  try {
    await store.open();
  } finally {
    await store.close();
  }
  const driver = neo4j.driver(options.uri, options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined);
  try {
    const cypher = new CypherSession(driver, options.database);
    await cypher.read('indexes-online', { seconds: INDEX_SECONDS }, z.unknown());
    const { Actor, Document, Claim } = manifest.emptyLists;
    for (let i = 0; i < Math.max(Actor.length, Document.length, Claim.length); i += CHUNK) {
      const chunk = <T>(rows: T[]) => rows.slice(i, i + CHUNK);
      await cypher.write('bulk-empty-lists', { actors: chunk(Actor), documents: chunk(Document), claims: chunk(Claim) });
    }
  } finally {
    await driver.close();
  }
}

/**
 * Both GraphStores, for suites that run against each (describe.each(storeCases)). open()
 * gives a fresh, empty, opened store: embedded in a new temp folder, Neo4j on the one
 * server of the run (tests/setup/neo4j.ts) wiped first, so test files run one at a time.
 * Close what you open; `skip` says why a store cannot run here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { inject } from 'vitest';
import type { StoreKind } from '../../server/domain/index.ts';
import { EmbeddedStore } from '../../server/store/embedded/index.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { Neo4jStore } from '../../server/store/neo4j/index.ts';

export interface StoreCase {
  name: StoreKind;
  /** Set when this store cannot run here; the suite skips with this reason. */
  skip?: string;
  open(): Promise<GraphStore>;
}

const quiet = pino({ level: 'silent' });

/** An embedded store in a folder of its own (`heldAnswers`: how many answers it holds, the store's default unless given). */
export const embeddedCase = (options: { heldAnswers?: number } = {}): StoreCase => ({
  name: 'embedded',
  async open() {
    const dir = await mkdtemp(join(tmpdir(), 'dyad-store-'));
    const store = new EmbeddedStore({ dataDir: dir, logger: quiet, ...options });
    await store.open();
    // The folder goes with the store.
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
    };
    return store;
  },
});
const embedded = embeddedCase();

const neo4jUri = inject('neo4jUri');
const neo4j: StoreCase = {
  name: 'neo4j',
  ...(neo4jUri ? {} : { skip: inject('neo4jMissing') || 'no Neo4j for this run' }),
  async open() {
    const store = new Neo4jStore({ uri: neo4jUri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, logger: quiet });
    await store.open();
    await store.clearAll();
    return store;
  },
};

export const storeCases: StoreCase[] = [embedded, neo4j];

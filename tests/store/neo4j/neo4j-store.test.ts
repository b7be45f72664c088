/**
 * What only the Neo4j store does: wait for a server that is not up yet, report one that went
 * away instead of crashing, and the launcher's cached build. Uses its own short-lived Neo4j
 * (from the launcher), not the run's shared one.
 */
import { stat } from 'node:fs/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../../server/errors.ts';
import { loadIndex } from '../../../server/ingest/ingest.ts';
import { Neo4jStore } from '../../../server/store/neo4j/index.ts';
import { buildLauncher, freePort, javaAvailable, startNeo4j } from '../../../server/store/neo4j/launcher/run.ts';
import { seedsDir } from '../../helpers/seed.ts';

const quiet = pino({ level: 'silent' });
const hasJava = await javaAvailable();

describe('Neo4jStore without a server', () => {
  it('reports unreachable from health() and fails open() with StoreUnavailable after retrying', async () => {
    const store = new Neo4jStore({ uri: `bolt://127.0.0.1:${await freePort()}`, connectTimeoutMs: 1_500, retryTimeMs: 500, logger: quiet });
    const health = await store.health();
    expect(health).toMatchObject({ store: 'neo4j', reachable: false });
    expect(health.error).toMatch(/unreachable/i);
    const started = Date.now();
    await expect(store.open()).rejects.toBeInstanceOf(StoreUnavailable);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    await expect(store.listDocuments()).rejects.toBeInstanceOf(StoreUnavailable);
    await store.close();
  });
});

describe.skipIf(!hasJava)('Neo4jStore with a server that comes and goes', () => {
  it('opens once a late server is up, and reports it unreachable after it stops', async () => {
    const port = await freePort();
    const store = new Neo4jStore({ uri: `bolt://127.0.0.1:${port}`, connectTimeoutMs: 150_000, retryTimeMs: 500, logger: quiet });
    const opening = store.open();
    const neo4j = await startNeo4j({ port });
    try {
      await opening;
      const actors = (await loadIndex(seedsDir)).actors;
      expect(await store.putActors(actors)).toBe(actors.length);
      expect((await store.health()).counts).toEqual({ documents: 0, actors: actors.length, claims: 0 });
    } finally {
      await neo4j.stop();
    }
    expect(await store.health()).toMatchObject({ store: 'neo4j', reachable: false });
    await expect(store.getActor('ttp')).rejects.toBeInstanceOf(StoreUnavailable);
    await store.close();
  }, 180_000);

  it('reuses the launcher build while its sources are unchanged', async () => {
    const classpath = await buildLauncher();
    const jar = classpath.split(':')[0]!;
    const built = (await stat(jar)).mtimeMs;
    expect(await buildLauncher()).toBe(classpath);
    expect((await stat(jar)).mtimeMs).toBe(built);
  });
});

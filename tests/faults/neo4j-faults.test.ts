/**
 * Neo4j killed mid-write and restarted mid-serve, on a Neo4j of this test's own (the shared
 * test server is not touched): while it is down the API answers 503 problem+json and health
 * says unreachable; once it is back the same app serves again, and every acknowledged
 * document is there, whole.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { freePort, javaAvailable, type RunningNeo4j, startNeo4j } from '../../server/store/neo4j/launcher/run.ts';
import { Neo4jStore } from '../../server/store/neo4j/index.ts';
import { seedsDir } from '../helpers/seed.ts';
import { PAK, renamed, seedActors, seedDocument } from '../store/embedded/fixtures.ts';

const quiet = pino({ level: 'silent' });
const canRun = (await javaAvailable()) || process.env.CI === 'true';

let neo4j: RunningNeo4j | undefined;
let store: Neo4jStore | undefined;
let app: FastifyInstance | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await app?.close();
  await store?.close().catch(() => undefined);
  await neo4j?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

(canRun ? describe : describe.skip)('Neo4j killed mid-write, restarted mid-serve', () => {
  test('503 while down, then every acknowledged document whole', { timeout: 600_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-neo4j-fault-'));
    const port = await freePort();
    neo4j = await startNeo4j({ port, dataDir: join(dataDir, 'db'), timeoutMs: 240_000 });
    // Short transaction retries: a write or read against the dead server fails in seconds, not the default 30.
    store = new Neo4jStore({ uri: neo4j.uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, retryTimeMs: 2_000, logger: quiet });
    await store.open();
    app = await buildApp({ store, config: loadConfig({}), seedsDir, rateLimit: false });
    await store.putActors(await seedActors());
    const pak = await seedDocument(PAK);

    // Writes one document after another until one fails; kills Neo4j after the third.
    const acknowledged: string[] = [];
    const killed = new Promise<void>((resolve) => {
      void (async () => {
        for (let i = 0; ; i++) {
          if (i === 3) {
            process.kill(neo4j!.pid, 'SIGKILL');
            resolve();
          }
          const upsert = renamed(pak, `fault-${i}`);
          try {
            await store!.putDocument(upsert);
          } catch {
            return;
          }
          acknowledged.push(upsert.document.id);
        }
      })();
    });
    await killed;

    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ store: 'neo4j', reachable: false });
    const read = await app.inject({ url: '/api/documents' });
    expect(read.statusCode).toBe(503);
    expect(read.headers['content-type']).toMatch(/^application\/problem\+json/);

    neo4j = await startNeo4j({ port, dataDir: join(dataDir, 'db'), timeoutMs: 240_000 });
    const deadline = Date.now() + 90_000;
    while ((await app.inject({ url: '/api/health' })).statusCode !== 200) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(3);
    const listed = (await store.listDocuments()).map((d) => d.id);
    for (const id of acknowledged) {
      expect(listed).toContain(id);
      const expected = renamed(pak, id);
      expect((await store.getDocument(id)).hash).toBe(expected.document.hash);
      expect((await store.findClaims({ document: id, limit: 100, offset: 0 })).total).toBe(expected.claims.length);
    }
    // Whatever else is listed was written whole too (a write in flight at the kill may have committed).
    for (const id of listed) expect((await store.findClaims({ document: id, limit: 100, offset: 0 })).total).toBe(pak.claims.length);
  });
});

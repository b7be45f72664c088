/**
 * Held answers (server/store/read-cache.ts) on the test Neo4j, whose revision is its last commit
 * (CypherSession.latestCommit): an answer is read once
 * while nothing is written, and read again after any write, including one through another
 * driver (as a `dyad ingest` in another process writes); the store's held answers (a
 * neighbourhood, a claim page, the graph of a document) show another writer's document at once.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { z } from 'zod';
import { ClaimQuery } from '../../server/domain/index.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { Neo4jStore } from '../../server/store/neo4j/index.ts';
import { CypherSession } from '../../server/store/neo4j/session.ts';
import { ReadCache } from '../../server/store/read-cache.ts';
import { OPINION, PAK, seedActors, seedDocument } from './embedded/fixtures.ts';
import { storeCases } from '../helpers/stores.ts';

const neo4jCase = storeCases.find((c) => c.name === 'neo4j')!;
const Counts = z.object({ documents: z.number(), actors: z.number(), claims: z.number() });

(neo4jCase.skip ? describe.skip : describe)('answers held until the next write', () => {
  let reader: GraphStore;
  let writer: Neo4jStore;
  let driver: Driver;
  beforeAll(async () => {
    reader = await neo4jCase.open();
    // Another store with its own driver and connections: a second process, as far as Neo4j can tell.
    writer = new Neo4jStore({ uri: inject('neo4jUri'), user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD, logger: pino({ level: 'silent' }) });
    await writer.open();
    await writer.putActors(await seedActors());
    await writer.putDocument(await seedDocument(PAK));
    const auth = process.env.NEO4J_PASSWORD ? neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD) : undefined;
    driver = neo4j.driver(inject('neo4jUri'), auth, { disableLosslessIntegers: true });
  });
  afterAll(async () => {
    await reader?.close();
    await writer?.close();
    await driver?.close();
  });

  test('the same rows while nothing is written; read again after another writer commits', async () => {
    const session = new CypherSession(driver, process.env.NEO4J_DATABASE);
    const cache = new ReadCache(() => session.latestCommit());
    let computed = 0;
    const counts = () =>
      cache.hold('counts', () => {
        computed++;
        return session.read('counts', {}, Counts);
      });
    const first = await counts();
    const [again, concurrent] = await Promise.all([counts(), counts()]);
    expect(again).toBe(first);
    expect(concurrent).toBe(first);
    expect(computed).toBe(1);
    await writer.putDocument(await seedDocument(OPINION));
    const after = await counts();
    expect(computed).toBe(2);
    expect(after).not.toBe(first);
    expect(after[0]!.documents).toBe(first[0]!.documents + 1);
  });

  test('a held neighbourhood, claim page and document graph show another writer’s document at once', async () => {
    const around = () => reader.neighborhood('tip', { depth: 1, limit: 25, filters: {} });
    const graph = () => reader.graph({ documents: [OPINION] }, { maxNodes: 500, maxEdges: 2000 });
    const page = () => reader.findClaims(ClaimQuery.parse({ actor: 'tip', limit: 10 }));
    const before = { graph: await around(), claims: await page(), document: await graph() };
    expect(await around()).toEqual(before.graph);
    const replaced = await seedDocument(OPINION, [
      { subject: 'tip', type: 'SUPPORTS', object: 'bla', certainty: 'asserted', quote: 'Uyghur militants linked to the TIP are assisting BLA cadres with drone know-how' },
    ]);
    await writer.putDocument(replaced);
    const after = { graph: await around(), claims: await page(), document: await graph() };
    expect(after.graph).not.toEqual(before.graph);
    expect(after.graph.edges.find((e) => e.key === 'tip|SUPPORTS|bla')?.attributes.certainty.asserted).toBe(1);
    expect(after.claims.items.map((c) => c.certainty)).toContain('asserted');
    expect(after.claims).not.toEqual(before.claims);
    expect(after.document.edges.map((e) => e.key)).toEqual(['tip|SUPPORTS|bla']);
    expect(before.document.edges.length).toBeGreaterThan(1);
  });
});

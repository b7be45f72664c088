/**
 * Actor search with hostile q: the full-text query is built safely (no TooManyClauses, no
 * oversized automaton), both stores answer the same, and the API bounds q with a 400.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../../server/api/routes/actors.ts';
import { loadIndex } from '../../../server/ingest/ingest.ts';
import type { GraphStore } from '../../../server/store/graph-store.ts';
import { fulltextQuery, MAX_WORD_LENGTH, MAX_WORDS } from '../../../server/store/neo4j/fulltext-query.ts';
import { type Served, serveSeeds } from '../../api/app-fixture.ts';
import { seedsDir } from '../../helpers/seed.ts';
import { storeCases } from '../../helpers/stores.ts';

const many = Array.from({ length: 1_100 }, (_, i) => `w${i}`).join(' ');
const queries = [many, 'x'.repeat(1_000), `taliban ${'q'.repeat(1_500)}`, 'ttp '.repeat(300), 'Tehreek-e-Taliban Pakistan', 'taliban', '(TTP) AND "x*" ~ OR:', 'al qaeda'];

test('fulltextQuery: prefix terms of folded words, bounded in count and length', () => {
  expect(fulltextQuery('Tehreek-e-Taliban  Pakistan')).toBe('tehreek* e* taliban* pakistan*');
  expect(fulltextQuery('(TTP) AND "x*" ~ OR:')).toBe('ttp* and* x* or*');
  expect(fulltextQuery(many).split(' ')).toHaveLength(MAX_WORDS);
  expect(fulltextQuery('y'.repeat(5_000))).toBe(`${'y'.repeat(MAX_WORD_LENGTH)}*`);
  expect(fulltextQuery('-- !!')).toBe('');
});

const neo4jCase = storeCases.find((c) => c.name === 'neo4j')!;
const embeddedCase = storeCases.find((c) => c.name === 'embedded')!;

(neo4jCase.skip ? describe.skip : describe)('searchActors with hostile q on both stores', () => {
  let neo4j: GraphStore;
  let embedded: GraphStore;
  beforeAll(async () => {
    const actors = (await loadIndex(seedsDir)).actors;
    neo4j = await neo4jCase.open();
    embedded = await embeddedCase.open();
    for (const store of [neo4j, embedded]) await store.putActors(actors);
  });
  afterAll(async () => {
    await neo4j?.close();
    await embedded?.close();
  });

  test.each(queries.map((q) => [q.slice(0, 40), q]))('%s…: the same hits from both', async (_label, q) => {
    const fromNeo4j = await neo4j.searchActors(q, { limit: 20 });
    expect(fromNeo4j).toEqual(await embedded.searchActors(q, { limit: 20 }));
  });
});

describe.each(storeCases)('GET /api/actors bounds q: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'over the seeds', () => {
    let served: Served;
    beforeAll(async () => {
      served = await serveSeeds(storeCase);
    });
    afterAll(() => served?.close());

    test('400 naming q past the bound; 200 up to it', async () => {
      for (const q of [many, 'x'.repeat(1_000), 'a'.repeat(MAX_QUERY_LENGTH + 1)]) {
        const response = await served.app.inject({ url: `/api/actors?q=${encodeURIComponent(q)}` });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ parameter: 'q' });
      }
      for (const q of ['a '.repeat(MAX_QUERY_LENGTH / 2), 'z'.repeat(MAX_QUERY_LENGTH)]) {
        const response = await served.app.inject({ url: `/api/actors?q=${encodeURIComponent(q)}` });
        expect(response.statusCode, response.body).toBe(200);
      }
    });
  });
});

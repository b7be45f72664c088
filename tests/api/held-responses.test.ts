/**
 * Held answers leave as bytes made once (server/api/held-responses.ts): gzip-compressed for a
 * client that accepts it, plain otherwise, the same JSON either way, and new bytes after a write;
 * answers not held leave as Fastify writes them, whatever the client accepts.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ActorHit, SerializedGraph } from '../../server/domain/index.ts';
import { acceptsGzip } from '../../server/api/held-responses.ts';
import { embeddedCase, storeCases } from '../helpers/stores.ts';
import { type Served, serveSeeds } from './app-fixture.ts';

const BROWSER = 'gzip, deflate, br, zstd';
const AROUND = '/api/actors/ttp/neighborhood?depth=2';

describe('Accept-Encoding', () => {
  test.each([
    [BROWSER, true],
    ['GZIP', true],
    ['x-gzip', true],
    ['br, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['br', false],
    ['identity', false],
    ['', false],
    [undefined, false],
    ['*', true],
    ['br, *;q=0.1', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
  ])('%s: gzip %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe.each(storeCases)('held answers over HTTP: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'on the seeds', () => {
    let served: Served;
    beforeAll(async () => {
      served = await serveSeeds(storeCase);
    });
    afterAll(() => served?.close());
    const get = (url: string, acceptEncoding?: string) => served.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

    test('gzip for a client that accepts it, plain for one that does not: the same JSON, the same bytes every time', async () => {
      const plain = await get(AROUND);
      const zipped = await get(AROUND, BROWSER);
      const again = await get(AROUND, BROWSER);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(zipped.headers['content-encoding']).toBe('gzip');
      for (const response of [plain, zipped]) {
        expect(response.headers.vary).toMatch(/accept-encoding/);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
      }
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(again.rawPayload.equals(zipped.rawPayload)).toBe(true);
      const graph = JSON.parse(gunzipSync(zipped.rawPayload).toString()) as SerializedGraph;
      expect(graph).toEqual(plain.json());
      expect(graph.edges.length).toBeGreaterThan(0);
    });

    test('after a write, a held search answers anew, compressed', async () => {
      const search = '/api/actors?q=Zqxheldprobe';
      const before = await get(search, BROWSER);
      expect(JSON.parse(gunzipSync(before.rawPayload).toString())).toEqual([]);
      await served.store.putActors([{ id: 'held-probe', name: 'Zqxheldprobe', kind: 'group', aliases: [] }]);
      const after = await get(search, BROWSER);
      expect(after.headers['content-encoding']).toBe('gzip');
      expect((JSON.parse(gunzipSync(after.rawPayload).toString()) as ActorHit[]).map((hit) => hit.id)).toEqual(['held-probe']);
    });

    test('errors are not held: plain problem+json whatever the client accepts', async () => {
      const missing = await get('/api/actors/no-such-actor/neighborhood', BROWSER);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-encoding']).toBeUndefined();
      expect(missing.json()).toMatchObject({ status: 404 });
    });
  });
});

describe('answers not held', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveSeeds(embeddedCase({ heldAnswers: 0 }));
  });
  afterAll(() => served?.close());

  test('leave plain, as Fastify writes them, to a client that accepts gzip', async () => {
    const zipped = await served.app.inject({ method: 'GET', url: AROUND, headers: { 'accept-encoding': BROWSER } });
    const plain = await served.app.inject({ method: 'GET', url: AROUND });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBeUndefined();
    expect(zipped.json()).toEqual(plain.json());
    expect((zipped.json() as SerializedGraph).edges.length).toBeGreaterThan(0);
  });
});

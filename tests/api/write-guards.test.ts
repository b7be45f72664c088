/**
 * What a write may not do: replace a document by accident, drop curated claims, store an id
 * that cannot be read back, a date that is no day, a URL that is not http(s); and what a
 * broken gazetteer or plain HTTP must not cause.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentDetail, SubmissionResult } from '../../server/domain/index.ts';
import { copySeeds } from '../helpers/seed-copy.ts';
import { storeCases } from '../helpers/stores.ts';
import { type Served, serveSeeds } from './app-fixture.ts';

const TOKEN = 'test-token-guards';
const SEED = '001_977e6d2ceaf3d2f9';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const submission = { title: 'A short wire report', text: 'Islamabad has again accused the Afghan Taliban of harbouring the TTP.' };

const send = (served: Served, method: 'POST' | 'PUT', url: string, payload: unknown) =>
  served.app.inject({ method, url, headers: auth, payload: JSON.stringify(payload) });
const detail = async (served: Served, id: string) =>
  (await served.app.inject({ url: `/api/documents/${id}` })).json() as DocumentDetail;

describe.each(storeCases)('write guards: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'over the seeds', () => {
    let served: Served;
    beforeAll(async () => {
      served = await serveSeeds(storeCase, { env: { DYAD_API_TOKEN: TOKEN } });
    });
    afterAll(() => served?.close());

    test('POST to an existing id is 409 and changes nothing; PUT or replace=true replaces, keeping curated claims', async () => {
      const before = await detail(served, SEED);
      const curated = before.claims.filter((c) => c.origin === 'curated');
      expect(curated.length).toBeGreaterThan(20);

      const conflict = await send(served, 'POST', '/api/documents', { ...submission, id: SEED });
      expect(conflict.statusCode, conflict.body).toBe(409);
      expect(conflict.json()).toMatchObject({ status: 409, type: 'urn:dyad:problem:conflict' });
      expect((await detail(served, SEED)).claims).toHaveLength(before.claims.length);

      // A new text would orphan the curated claims: refused even with intent, nothing lost.
      const orphaning = await send(served, 'PUT', `/api/documents/${SEED}`, submission);
      expect(orphaning.statusCode, orphaning.body).toBe(409);
      expect((await detail(served, SEED)).claims).toHaveLength(before.claims.length);

      // Same text, new metadata, no claims: replaced, and every curated claim is still there.
      const retitled = await send(served, 'POST', '/api/documents?replace=true', { title: 'Retitled', text: before.text, id: SEED });
      expect(retitled.statusCode, retitled.body).toBe(200);
      expect((retitled.json() as SubmissionResult).outcome).toBe('updated');
      const after = await detail(served, SEED);
      expect(after.title).toBe('Retitled');
      expect(after.claims.filter((c) => c.origin === 'curated').map((c) => c.id).sort()).toEqual(curated.map((c) => c.id).sort());

      const created = await send(served, 'PUT', '/api/documents/put-created', submission);
      expect(created.statusCode, created.body).toBe(201);
      expect((await send(served, 'PUT', '/api/documents/put-created', submission)).statusCode).toBe(200);
    });

    test('a document id over 100 characters, a date that is no day, a non-http URL: 400 naming the field', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ id: 'a'.repeat(101) }, 'id'],
        [{ date: '2023-99-99' }, 'date'],
        [{ date: '2023-02-29' }, 'date'],
        [{ url: 'javascript:alert(1)' }, 'url'],
        [{ url: 'ftp://example.org/x' }, 'url'],
      ];
      for (const [fields, parameter] of cases) {
        const response = await send(served, 'POST', '/api/documents', { ...submission, ...fields });
        expect(response.statusCode, JSON.stringify(fields)).toBe(400);
        expect(response.json()).toMatchObject({ parameter });
      }
      const ok = await send(served, 'POST', '/api/documents', { ...submission, id: 'b'.repeat(100), date: '2024-02-29', url: 'https://example.org/a' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await detail(served, 'b'.repeat(100))).date).toBe('2024-02-29');
    });
  });
});

describe('a broken gazetteer at the first write', () => {
  let served: Served;
  let seeds: string;
  let original: string;
  beforeAll(async () => {
    seeds = await copySeeds();
    const path = join(seeds, 'actors.yaml');
    original = await readFile(path, 'utf8');
    served = await serveSeeds(storeCases[0]!, { env: { DYAD_API_TOKEN: TOKEN }, seedsDir: seeds });
    await writeFile(path, 'actors: [ {id: broken\n');
  });
  afterAll(() => served?.close());

  test('fails that write without the server path, and the next write after the fix succeeds', async () => {
    const broken = await send(served, 'POST', '/api/documents', submission);
    expect(broken.statusCode).toBe(500);
    expect(broken.json()).toMatchObject({ type: 'urn:dyad:problem:misconfigured' });
    expect(broken.body).not.toContain(seeds);
    await writeFile(join(seeds, 'actors.yaml'), original);
    const fixed = await send(served, 'POST', '/api/documents', submission);
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  test('no Strict-Transport-Security over plain HTTP', async () => {
    const response = await served.app.inject({ url: '/api/health' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

/**
 * The write API of issue 12 on both stores: every write route with good and bad input, a
 * missing and a wrong token, a stale revision, and two analysts writing one claim at once over
 * real HTTP (exactly one 200, the other 409); history names the analyst of the token used.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fitsSignature, isSymmetric } from '../../server/domain/index.ts';
import type { Actor, ClaimHistory, ClaimPage, ClaimResponse, ClaimView, SerializedGraph } from '../../server/domain/index.ts';
import { extractedUpsert, QUEUE } from '../helpers/extracted.ts';
import { storeCases } from '../helpers/stores.ts';
import { type Served, serveSeeds } from './app-fixture.ts';

const PAK = '001_977e6d2ceaf3d2f9';
const env = { DYAD_API_TOKENS: 'alice=tok-alice-7c1,bob=tok-bob-93e', DYAD_API_TOKEN: 'tok-ops-22f', DYAD_ANALYST: 'ops' };
const ALICE = 'Bearer tok-alice-7c1';
const BOB = 'Bearer tok-bob-93e';

describe.each(storeCases)('annotation API: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'with named tokens', () => {
    let served: Served;
    beforeAll(async () => {
      served = await serveSeeds(storeCase, { env });
      await served.store.putDocument(await extractedUpsert());
    });
    afterAll(() => served?.close());

    const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, authorization: string | null = ALICE) =>
      served.app.inject({
        method,
        url,
        headers: { ...(authorization ? { authorization } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
      });
    const claimsOf = async (document: string, origin?: string) =>
      ((await send('GET', `/api/claims?document=${document}&limit=1000${origin ? `&origin=${origin}` : ''}`)).json() as ClaimPage).items;
    const problem = (response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number) => {
      expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      return response.json() as { parameter?: string; detail: string };
    };

    test('GET /api/session names the analyst of the token; 401 without or with a wrong one', async () => {
      expect((await send('GET', '/api/session')).json()).toEqual({ analyst: 'alice' });
      expect((await send('GET', '/api/session', undefined, BOB)).json()).toEqual({ analyst: 'bob' });
      expect((await send('GET', '/api/session', undefined, 'Bearer tok-ops-22f')).json()).toEqual({ analyst: 'ops' });
      problem(await send('GET', '/api/session', undefined, 'Bearer tok-alice-7c2'), 401);
      problem(await send('GET', '/api/session', undefined, null), 401);
    });

    test('every write route refuses a missing or wrong token with 401, before reading the body', async () => {
      const [claim] = await claimsOf(PAK);
      const routes: Array<['POST' | 'PATCH' | 'DELETE', string, unknown]> = [
        ['POST', '/api/claims', {}],
        ['PATCH', `/api/claims/${claim!.id}`, { revision: 1, certainty: 'alleged' }],
        ['DELETE', `/api/claims/${claim!.id}?revision=1`, undefined],
        ['POST', `/api/claims/${claim!.id}/review`, { decision: 'accept', revision: 1 }],
        ['POST', '/api/actors', { name: 'Nobody', kind: 'group' }],
      ];
      for (const [method, url, body] of routes)
        for (const authorization of [null, 'Bearer wrong', 'tok-alice-7c1']) problem(await send(method, url, body, authorization), 401);
      expect(await served.store.getClaim(claim!.id)).toEqual(claim);
    });

    test('POST /api/claims: 201 with a curated claim at revision 1; 400 naming the field; 404 unknown document; 409 the same claim', async () => {
      const support = (await claimsOf(PAK)).find((c) => c.type === 'SUPPORTS')!;
      const draft = {
        document: PAK,
        subject: support.object.id,
        type: 'SUPPORTS',
        object: support.subject.id,
        certainty: 'speculative',
        quote: support.quote,
        start: support.start,
        end: support.end,
      };
      const created = await send('POST', '/api/claims', draft);
      expect(created.statusCode, created.body).toBe(201);
      const { claim } = created.json() as ClaimResponse;
      expect(claim).toMatchObject({ origin: 'curated', revision: 1, document: PAK, subject: { id: support.object.id } });
      expect((await send('GET', `/api/claims/${claim.id}`)).json()).toEqual({ claim });
      // It is in the graph at once.
      const graph = (await send('GET', `/api/actors/${support.object.id}/neighborhood?documents=${PAK}`)).json() as SerializedGraph;
      expect(graph.edges.some((e) => e.source === support.object.id && e.target === support.subject.id && e.attributes.type === 'SUPPORTS')).toBe(true);

      problem(await send('POST', '/api/claims', draft, BOB), 409);
      expect(problem(await send('POST', '/api/claims', { ...draft, quote: 'not the text' }), 400).parameter).toBe('quote');
      expect(problem(await send('POST', '/api/claims', { ...draft, type: 'PERPETRATED' }), 400).parameter).toBe('type');
      expect(problem(await send('POST', '/api/claims', { ...draft, subject: 'atlantis' }), 400).parameter).toBe('subject');
      expect(problem(await send('POST', '/api/claims', { ...draft, certainty: 'sure' }), 400).parameter).toBe('certainty');
      expect(problem(await send('POST', '/api/claims', { ...draft, colour: 'red' }), 400).parameter).toBe('colour');
      problem(await send('POST', '/api/claims', '{"document": '), 400);
      problem(await send('POST', '/api/claims', { ...draft, document: 'no-such-document' }), 404);
      const history = (await send('GET', `/api/claims/${claim.id}/history`)).json() as ClaimHistory;
      expect(history.items).toEqual([{ at: expect.any(String), analyst: 'alice', action: 'create', claim: claim.id, after: claim }]);
    });

    test('PATCH /api/claims/:id: 200 at revision + 1; 409 on a stale revision; 400 bad input; 404 unknown; a new identity gives a new id', async () => {
      const claim = (await claimsOf(PAK)).find((c) => c.type === 'CLASHES_WITH' && c.revision === 1)!;
      const url = `/api/claims/${claim.id}`;
      const edited = await send('PATCH', url, { revision: 1, certainty: 'alleged', attributedTo: 'Pakistan' });
      expect(edited.statusCode, edited.body).toBe(200);
      expect((edited.json() as ClaimResponse).claim).toMatchObject({ id: claim.id, revision: 2, certainty: 'alleged', attributedTo: 'pakistan' });
      expect(problem(await send('PATCH', url, { revision: 1, certainty: 'asserted' }, BOB), 409).detail).toContain('revision 2');
      expect(problem(await send('PATCH', url, { revision: 2, certainty: 'maybe' }), 400).parameter).toBe('certainty');
      expect(problem(await send('PATCH', url, { certainty: 'asserted' }), 400).parameter).toBe('revision');
      expect(problem(await send('PATCH', url, { revision: 2, document: QUEUE }), 400).parameter).toBe('document');
      problem(await send('PATCH', '/api/claims/0000000000000000', { revision: 1, certainty: 'asserted' }), 404);
      const cleared = (await send('PATCH', url, { revision: 2, attributedTo: null }, BOB)).json() as ClaimResponse;
      expect(cleared.claim.attributedTo).toBeUndefined();
      const moved = (await send('PATCH', url, { revision: 3, subject: claim.object.id, object: claim.subject.id }, BOB)).json() as ClaimResponse;
      expect(moved.claim.id).not.toBe(claim.id);
      expect(problem(await send('PATCH', url, { revision: 4, certainty: 'asserted' }), 409).detail).toContain(moved.claim.id);
      problem(await send('GET', url), 404);
      const history = (await send('GET', `/api/claims/${moved.claim.id}/history`)).json() as ClaimHistory;
      expect(history.items.map((h) => [h.action, h.analyst, h.previousId])).toEqual([
        ['update', 'alice', undefined],
        ['update', 'bob', undefined],
        ['update', 'bob', claim.id],
      ]);
      expect((await send('GET', `${url}/history`)).json()).toEqual(history);
      problem(await send('GET', '/api/claims/0000000000000000/history'), 404);
    });

    test('two analysts writing one claim at once over HTTP: exactly one 200, the other 409', async () => {
      const address = await served.app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const claims = (await claimsOf(PAK)).filter((c) => c.revision === 1).slice(0, 4);
        for (const claim of claims) {
          const history = async () => ((await (await fetch(`${address}/api/claims/${claim.id}/history`)).json()) as ClaimHistory).items;
          const before = await history();
          const patch = (authorization: string, certainty: string) =>
            fetch(`${address}/api/claims/${claim.id}`, {
              method: 'PATCH',
              headers: { authorization, 'content-type': 'application/json' },
              body: JSON.stringify({ revision: 1, certainty }),
            });
          const responses = await Promise.all([patch(ALICE, 'alleged'), patch(BOB, 'speculative')]);
          expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
          const winner = responses.findIndex((r) => r.status === 200);
          const stored = ((await (await fetch(`${address}/api/claims/${claim.id}`)).json()) as ClaimResponse).claim;
          expect(stored).toMatchObject({ revision: 2, certainty: winner === 0 ? 'alleged' : 'speculative' });
          expect((await history()).map((h) => h.analyst)).toEqual([...before.map((h) => h.analyst), winner === 0 ? 'alice' : 'bob']);
        }
      } finally {
        served.app.server.close();
      }
      expect((served.app.server.address() as AddressInfo | null)?.port).toBeUndefined();
    });

    test('POST /api/claims/:id/review: accept, reject, correct; 400 for a curated claim; 409 stale; reviewed evidence only', async () => {
      const queue = await claimsOf(QUEUE, 'extracted');
      const [accepted, rejected] = queue;
      // A correction of the direction, where the other direction fits the relation's signature.
      const corrected = queue.slice(2).find((c) => fitsSignature(c.type, c.object.kind, c.subject.kind) && !isSymmetric(c.type))!;
      const review = (claim: ClaimView, decision: string, revision = 1, authorization = ALICE) =>
        send('POST', `/api/claims/${claim.id}/review`, { decision, revision }, authorization);
      expect(((await review(accepted!, 'accept')).json() as ClaimResponse).claim).toMatchObject({ origin: 'curated', revision: 2 });
      expect(problem(await review(accepted!, 'reject', 2), 400).parameter).toBe('decision');
      expect(problem(await review(rejected!, 'maybe'), 400).parameter).toBe('decision');
      problem(await review(rejected!, 'reject', 2), 409);
      expect(((await review(rejected!, 'reject', 1, BOB)).json() as ClaimResponse).claim).toEqual(rejected);
      problem(await review(rejected!, 'accept', 1), 409);
      const reversed = await send('PATCH', `/api/claims/${corrected.id}`, { revision: 1, subject: corrected.object.id, object: corrected.subject.id });
      expect(reversed.statusCode, reversed.body).toBe(200);
      expect((reversed.json() as ClaimResponse).claim).toMatchObject({ origin: 'curated', subject: { id: corrected.object.id } });
      const curated = (await claimsOf(QUEUE, 'curated')).map((c) => c.id);
      expect(curated).toEqual(expect.arrayContaining([accepted!.id, (reversed.json() as ClaimResponse).claim.id]));
      expect((await claimsOf(QUEUE)).map((c) => c.id)).not.toContain(rejected!.id);
      const reviewed = (await send('GET', `/api/graph?documents=${QUEUE}&origin=curated`)).json() as SerializedGraph;
      expect(reviewed.edges.reduce((n, e) => n + e.attributes.claims, 0)).toBe(curated.length);
      expect(((await send('GET', `/api/claims/${corrected.id}/history`)).json() as ClaimHistory).items.map((h) => h.action)).toEqual(['correct']);
    });

    test('DELETE /api/claims/:id?revision=N retracts; 400 without a revision; 409 stale or gone', async () => {
      const claim = (await claimsOf(PAK)).find((c) => c.revision === 1 && c.origin === 'curated')!;
      const url = `/api/claims/${claim.id}`;
      expect(problem(await send('DELETE', url), 400).parameter).toBe('revision');
      problem(await send('DELETE', `${url}?revision=2`), 409);
      const retracted = await send('DELETE', `${url}?revision=1`, undefined, BOB);
      expect(retracted.statusCode, retracted.body).toBe(200);
      expect(retracted.json()).toEqual({ claim });
      problem(await send('GET', url), 404);
      problem(await send('DELETE', `${url}?revision=1`), 409);
      expect((await claimsOf(PAK)).map((c) => c.id)).not.toContain(claim.id);
      const history = (await send('GET', `${url}/history`)).json() as ClaimHistory;
      expect(history.items).toEqual([{ at: expect.any(String), analyst: 'bob', action: 'retract', claim: claim.id, before: claim }]);
    });

    test('POST /api/actors: 201 with the slug id, searchable at once; 409 for a taken id or name; 400 bad input', async () => {
      const response = await send('POST', '/api/actors', { name: 'Harakat Test Front', kind: 'group', aliases: ['HTF-X'] });
      expect(response.statusCode, response.body).toBe(201);
      const { actor } = response.json() as { actor: Actor };
      expect(actor).toEqual({ id: 'harakat-test-front', name: 'Harakat Test Front', kind: 'group', aliases: ['HTF-X'] });
      expect(((await send('GET', '/api/actors?q=htf-x')).json() as Array<{ id: string }>)[0]!.id).toBe('harakat-test-front');
      expect(problem(await send('POST', '/api/actors', { name: 'Another', kind: 'group', id: 'harakat-test-front' }), 409).detail).toContain('harakat-test-front');
      expect(problem(await send('POST', '/api/actors', { name: 'Pakistani Taliban', kind: 'group', aliases: ['TTP'] }), 409).detail).toContain('ttp');
      expect(problem(await send('POST', '/api/actors', { name: 'X', kind: 'tribe' }), 400).parameter).toBe('kind');
      expect(problem(await send('POST', '/api/actors', { name: 'X', kind: 'group', id: 'Not An Id' }), 400).parameter).toBe('id');
    });
  });
});

describe('annotation API limits', () => {
  test('403 for every write when the server has no token', async () => {
    const served = await serveSeeds(storeCases[0]!);
    try {
      for (const [method, url] of [
        ['GET', '/api/session'],
        ['POST', '/api/claims'],
        ['POST', '/api/actors'],
      ] as const) {
        const response = await served.app.inject({ method, url, headers: { authorization: 'Bearer anything' } });
        expect(response.statusCode).toBe(403);
      }
    } finally {
      await served.close();
    }
  });

  test('writes are rate-limited more strictly than reads (429)', async () => {
    const served = await serveSeeds(storeCases[0]!, { env, rateLimit: 100, writeRateLimit: 3 });
    try {
      const session = () => served.app.inject({ url: '/api/session', headers: { authorization: ALICE } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await session()).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await served.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await served.close();
    }
  });
});

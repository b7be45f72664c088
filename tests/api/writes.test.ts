/** POST /api/documents: the token gate, the body limit, and a submission stored in both stores. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClaimPage, DocumentDetail, DocumentSummary, SubmissionResult } from '../../server/domain/index.ts';
import { SUBMISSION_BODY_LIMIT } from '../../server/api/routes/documents.ts';
import { storeCases } from '../helpers/stores.ts';
import { type Served, serveSeeds } from './app-fixture.ts';

const TOKEN = 'test-token-9f2c';
const text = 'Islamabad has again accused the Afghan Taliban of harbouring the TTP along the border. Kabul denies it.';
const submission = {
  title: 'A short wire report',
  outlet: 'Test wire',
  date: '2025-10',
  reliability: 'C',
  text,
  claims: [
    { subject: 'Islamabad', type: 'ACCUSES', object: 'afghan-taliban', certainty: 'asserted', quote: 'Islamabad has again accused the Afghan Taliban' },
    { subject: 'afghan-taliban', type: 'SUPPORTS', object: 'TTP', certainty: 'alleged', quote: 'accused the Afghan Taliban of harbouring the TTP', attributedTo: 'pakistan' },
  ],
};

const post = (served: Served, payload: unknown, authorization?: string) =>
  served.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe.each(storeCases)('POST /api/documents: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'with a token configured', () => {
    let served: Served;
    beforeAll(async () => {
      served = await serveSeeds(storeCase, { env: { DYAD_API_TOKEN: TOKEN } });
    });
    afterAll(() => served?.close());

    test('401 without a bearer token or with the wrong one, before reading the body', async () => {
      for (const authorization of [undefined, `Bearer wrong-${TOKEN}`, TOKEN]) {
        const response = await post(served, submission, authorization);
        expect(response.statusCode).toBe(401);
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const large = await post(served, 'x'.repeat(SUBMISSION_BODY_LIMIT + 1));
      expect(large.statusCode).toBe(401);
    });

    test('413 for a body over the limit', async () => {
      const response = await post(served, { ...submission, text: 'x'.repeat(SUBMISSION_BODY_LIMIT) }, `Bearer ${TOKEN}`);
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ status: 413 });
    });

    test('201 created, then 200 unchanged; the claims are served with their offsets', async () => {
      const created = await post(served, submission, `Bearer ${TOKEN}`);
      expect(created.statusCode, created.body).toBe(201);
      const result = created.json() as SubmissionResult;
      expect(result.outcome).toBe('created');
      expect(result.claims).toBeGreaterThanOrEqual(2);
      const again = await post(served, submission, `Bearer ${TOKEN}`);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ ...result, outcome: 'unchanged' });

      const detail = (await served.app.inject({ url: `/api/documents/${result.document}` })).json() as DocumentDetail;
      expect(detail).toMatchObject({ title: submission.title, reliability: 'C', text });
      expect(detail.claims).toHaveLength(result.claims);
      const listed = (await served.app.inject({ url: '/api/documents' })).json() as DocumentSummary[];
      expect(listed.find((d) => d.id === result.document)).toMatchObject({ date: '2025-10', claims: result.claims, outlet: 'Test wire' });
      const accuses = detail.claims.find((c) => c.type === 'ACCUSES' && c.subject.id === 'pakistan')!;
      expect(text.slice(accuses.start, accuses.end)).toBe(submission.claims[0]!.quote);
      const evidence = (await served.app.inject({ url: `/api/claims?object=ttp&type=SUPPORTS&document=${result.document}` })).json() as ClaimPage;
      expect(evidence.items.map((c) => c.certainty)).toContain('alleged');
    });

    test('400 naming the field for a body that does not parse, and listing the problems of claims that do not hold', async () => {
      const { title: _title, ...untitled } = submission;
      const missing = await post(served, untitled, `Bearer ${TOKEN}`);
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ parameter: 'title' });

      const badClaim = await post(served, { ...submission, claims: [{ ...submission.claims[0]!, certainty: 'certain' }] }, `Bearer ${TOKEN}`);
      expect(badClaim.json()).toMatchObject({ status: 400, parameter: 'claims.0.certainty' });

      const unknownActor = await post(
        served,
        { ...submission, id: 'unknown-actor-report', claims: [{ ...submission.claims[0]!, subject: 'Atlantis' }] },
        `Bearer ${TOKEN}`,
      );
      expect(unknownActor.statusCode).toBe(400);
      const problem = unknownActor.json() as { problems: string[] };
      expect(problem.problems.some((p) => p.includes('Atlantis'))).toBe(true);
      expect((await served.app.inject({ url: '/api/documents/unknown-actor-report' })).statusCode).toBe(404);

      const notJson = await post(served, '{"title": ', `Bearer ${TOKEN}`);
      expect(notJson.statusCode).toBe(400);
    });
  });
});

describe('POST /api/documents without DYAD_API_TOKEN', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveSeeds(storeCases.find((c) => c.name === 'embedded')!);
  });
  afterAll(() => served?.close());

  test('403: writes are off, whatever the request carries', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const response = await post(served, submission, authorization);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ status: 403, type: 'urn:dyad:problem:forbidden' });
    }
  });
});

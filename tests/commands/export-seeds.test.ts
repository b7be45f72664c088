/**
 * The seeds round trip of issue 12 on both stores: the seeds ingested, an analyst's work on
 * them (create, edit, retract, a new actor, a review queue accepted, rejected and corrected),
 * `dyad export --format seeds` to a folder, `dyad check` on it, and `dyad ingest` of it into
 * an empty store: the same curated claims, field by field, ids included, and the same
 * rejections. Plus the rule behind `occurrence`, as a property.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ClaimView, fitsSignature, isSymmetric } from '../../server/domain/index.ts';
import { exportSeeds, occurrenceOf } from '../../server/commands/export-seeds.ts';
import { ingest } from '../../server/ingest/ingest.ts';
import { locateQuote, occurrences } from '../../server/ingest/quote-locator.ts';
import { addActor, createClaim, retractClaim, reviewClaim, updateClaim } from '../../server/store/claim-changes.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { cli } from '../helpers/cli.ts';
import { extractedUpsert, QUEUE } from '../helpers/extracted.ts';
import { seedsDir, seedStore } from '../helpers/seed.ts';
import { storeCases } from '../helpers/stores.ts';

const PAK = '001_977e6d2ceaf3d2f9';
const alice = { analyst: 'alice' };
const dyad = cli(() => ({ NEO4J_URI: '', LOG_LEVEL: 'silent' }));

/** A claim as the files carry it: everything but the revision, which counts changes in one store. */
const comparable = ({ revision: _revision, ...claim }: ClaimView) => claim;
const curatedOf = async (store: GraphStore) => (await store.allClaims({ origin: ['curated'] })).map(comparable);

/** An analyst's session over the seeds and a review queue. */
async function annotate(store: GraphStore): Promise<void> {
  await store.putDocument(await extractedUpsert());
  const pak = await store.documentClaims([PAK], {});
  const support = pak.find((c) => c.type === 'SUPPORTS')!;
  await createClaim(
    store,
    { document: PAK, subject: support.object.id, type: 'SUPPORTS', object: support.subject.id, certainty: 'speculative', quote: support.quote, start: support.start, end: support.end, when: '2024-03', note: 'reverse reading' },
    alice,
  );
  const clash = pak.find((c) => c.type === 'CLASHES_WITH')!;
  await updateClaim(store, clash.id, { revision: 1, certainty: 'alleged', attributedTo: 'Intelligence reports', mode: undefined }, alice);
  await retractClaim(store, pak.find((c) => c.type === 'COUNTERS')!.id, 1, alice);
  // A quote that repeats: its second occurrence in the article.
  const { text, body } = await store.getDocument(PAK);
  const second = occurrences(text, 'Afghanistan').find((at, i) => i > 0 && body.some(([s, e]) => at >= s && at + 11 <= e))!;
  await createClaim(store, { document: PAK, subject: 'ttp', type: 'OPERATES_IN', object: 'afghanistan', certainty: 'reported', quote: 'Afghanistan', start: second, end: second + 11 }, alice);
  const actor = await addActor(store, { name: 'Border Militia Test', kind: 'group', aliases: ['BMT-X'] });
  await createClaim(store, { document: PAK, subject: actor.id, type: 'SUPPORTS', object: 'ttp', certainty: 'alleged', quote: support.quote, start: support.start, end: support.end }, alice);

  const queue = await store.documentClaims([QUEUE], {});
  const [accepted, rejected] = queue;
  await reviewClaim(store, accepted!.id, { decision: 'accept', revision: 1 }, alice);
  await reviewClaim(store, rejected!.id, { decision: 'reject', revision: 1 }, alice);
  const turned = queue.slice(2).find((c) => !isSymmetric(c.type) && fitsSignature(c.type, c.object.kind, c.subject.kind))!;
  await updateClaim(store, turned.id, { revision: 1, subject: turned.object.id, object: turned.subject.id }, alice);
}

describe.each(storeCases)('dyad export --format seeds round trip: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'seeds, annotations, export, check, ingest', () => {
    let dir: string;
    let before: { curated: ReturnType<typeof comparable>[]; rejections: unknown[] };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'dyad-seeds-export-'));
      const store = await storeCase.open();
      try {
        await seedStore(store);
        await annotate(store);
        before = { curated: await curatedOf(store), rejections: await store.rejections([PAK, QUEUE]) };
        const written = await exportSeeds(store, dir, { seedsDir });
        expect(written).toMatchObject({ documents: 5, claims: before.curated.length, rejected: 2 });
      } finally {
        await store.close();
      }
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('writes the seeds format: quotes without offsets, occurrence for a repeated quote, rejected candidates, the added actor', async () => {
      const pak = parse(await readFile(join(dir, 'claims', `${PAK}.yaml`), 'utf8')) as { claims: Array<Record<string, unknown>> };
      expect(pak.claims.every((c) => !('start' in c) && !('end' in c) && !('id' in c))).toBe(true);
      expect(pak.claims.find((c) => c.quote === 'Afghanistan')).toMatchObject({ subject: 'ttp', object: 'afghanistan', occurrence: expect.any(Number) });
      const queue = parse(await readFile(join(dir, 'claims', `${QUEUE}.yaml`), 'utf8')) as { rejected: unknown[] };
      expect(queue.rejected).toHaveLength(2);
      expect(await readFile(join(dir, `${PAK}.txt`), 'utf8')).toBe(await readFile(join(seedsDir, `${PAK}.txt`), 'utf8'));
      expect(await readFile(join(dir, 'actors.yaml'), 'utf8')).toContain('id: border-militia-test');
    });

    it('dyad check DIR passes', async () => {
      const checked = await dyad('check', dir);
      expect(checked.stderr).toBe('');
      expect(checked.code).toBe(0);
    });

    it('ingested into an empty store, gives the same curated claims (ids included) and the same rejections', async () => {
      const store = await storeCase.open();
      try {
        const summary = await ingest(store, { paths: [dir], seedsDir });
        expect(summary.rejected).toEqual([]);
        const after = await curatedOf(store);
        expect(after.map((c) => c.id).sort()).toEqual(before.curated.map((c) => c.id).sort());
        for (const claim of before.curated) expect(after.find((c) => c.id === claim.id)).toEqual(claim);
        expect(await store.rejections([PAK, QUEUE])).toEqual(before.rejections);
        // Ingesting it again changes nothing.
        expect((await ingest(store, { paths: [dir], seedsDir })).unchanged).toBe(5);
      } finally {
        await store.close();
      }
    });
  });
});

describe('occurrence', () => {
  it('names the one occurrence locateQuote finds again, whatever the repeats', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ab', 'a', 'b', ' ', 'ba'), { minLength: 1, maxLength: 30 }),
        fc.constantFrom('a', 'ab', 'b a', 'aba'),
        fc.nat(),
        (parts, quote, pick) => {
          const text = parts.join('');
          const hits = occurrences(text, quote);
          if (hits.length === 0) return;
          const start = hits[pick % hits.length]!;
          const { occurrence } = occurrenceOf(text, quote, start);
          const found = locateQuote(text, quote, [[0, text.length]], occurrence);
          expect(found).toEqual({ ok: true, start, end: start + quote.length });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dyad export --format seeds usage', () => {
  it('exits 2 without --out or with a graph filter, naming it', async () => {
    const missing = await dyad('export', '--format', 'seeds');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out');
    const filtered = await dyad('export', '--format', 'seeds', '--out', tmpdir(), '--types', 'SUPPORTS');
    expect(filtered.code).toBe(2);
    expect(filtered.stderr).toContain('--types');
  });
});

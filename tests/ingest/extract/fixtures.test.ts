/**
 * The extractor on its development sets: short articles about regional actors written for it
 * (fixtures/, their misses read while tuning, so not held out) and the curated seed claims.
 * The floors sit a little under the measured scores (npm run eval:extract).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../server/ingest/extract/index.ts';
import { loadFixtures, precision, recall, score } from '../../../server/ingest/extract/score.ts';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { checkSeeds } from '../../../server/ingest/seed-dir.ts';
import type { ClaimRecord } from '../../../server/domain/index.ts';
import { seedsDir } from '../../helpers/seed.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
const here = fileURLToPath(new URL('.', import.meta.url));

async function scoreDir(dir: string) {
  const fixtures = await loadFixtures(join(here, dir), index);
  const found = fixtures.flatMap((f) => extract({ document: f.document, text: f.text, body: [[0, f.text.length]] }, index).claims);
  return score(
    fixtures.flatMap((f) => f.expected),
    found,
  );
}

describe('development sets', () => {
  it('development fixtures: precision ≥ 0.8, recall ≥ 0.72', async () => {
    const s = await scoreDir('fixtures');
    expect(s.overall.tp + s.overall.fn).toBeGreaterThanOrEqual(70);
    expect(precision(s.overall)).toBeGreaterThanOrEqual(0.8);
    expect(recall(s.overall)).toBeGreaterThanOrEqual(0.72);
    expect(s.certainty.agree / s.certainty.matched).toBeGreaterThanOrEqual(0.85);
  });

  it('curated seed claims: precision ≥ 0.7, recall ≥ 0.45, every relation type found at least once', async () => {
    const { index: seeds, documents } = await checkSeeds(seedsDir);
    const expected: ClaimRecord[] = [];
    const found: ClaimRecord[] = [];
    for (const { prepared } of documents) {
      if (!prepared.upsert) continue;
      const { document, claims } = prepared.upsert;
      expected.push(...claims);
      found.push(...extract({ document: document.id, text: document.text, body: document.body }, seeds).claims);
    }
    const s = score(expected, found);
    expect(precision(s.overall)).toBeGreaterThanOrEqual(0.7);
    expect(recall(s.overall)).toBeGreaterThanOrEqual(0.45);
    for (const [type, counts] of Object.entries(s.byType)) if (counts.tp + counts.fn > 0) expect(counts.tp, type).toBeGreaterThan(0);
  });

  it('scores a symmetric relation in either direction, and an unrelated span as a miss', () => {
    const base = { id: 'x', document: 'd', certainty: 'asserted' as const, quote: 'q', origin: 'curated' as const };
    const gold = [{ ...base, subject: 'ttp', type: 'ALLIED_WITH' as const, object: 'bla', start: 0, end: 10 }];
    const flipped = [{ ...base, subject: 'bla', type: 'ALLIED_WITH' as const, object: 'ttp', start: 5, end: 20, origin: 'extracted' as const }];
    expect(score(gold, flipped).overall).toEqual({ tp: 1, fp: 0, fn: 0 });
    const elsewhere = [{ ...flipped[0]!, start: 10, end: 20 }];
    expect(score(gold, elsewhere).overall).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

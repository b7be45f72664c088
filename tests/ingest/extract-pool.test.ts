/** The extraction pool: the extractor's answers, off the event loop, within a time budget. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExtractionOverBudget } from '../../server/errors.ts';
import type { AliasIndex } from '../../server/ingest/alias-index.ts';
import { extract } from '../../server/ingest/extract/index.ts';
import { ExtractionPool } from '../../server/ingest/extract-pool.ts';
import { loadIndex } from '../../server/ingest/ingest.ts';
import { hostileTexts } from '../bench/hostile-texts.ts';
import { seedsDir } from '../helpers/seed.ts';

// Far above what a seed document takes, far below a 4 MB hostile text (extraction is linear: about 1 s a megabyte).
const BUDGET_MS = 1_000;

describe('ExtractionPool', () => {
  let index: AliasIndex;
  const pool = new ExtractionPool({ budgetMs: BUDGET_MS, size: 1 });
  beforeAll(async () => {
    index = await loadIndex(seedsDir);
  });
  afterAll(() => pool.close());

  test('answers exactly what the extractor answers in-process', async () => {
    const text = await readFile(join(seedsDir, '002_51eec4bc261835c7.txt'), 'utf8');
    const input = { document: '002_51eec4bc261835c7', text, body: [[0, text.length]] as Array<[number, number]> };
    expect(await pool.extract(input, index)).toEqual(extract(input, index));
  });

  test('a text over budget fails with ExtractionOverBudget near the budget, the event loop stays free, and the pool recovers', async () => {
    const small = 'Pakistan accuses the Afghan Taliban of harbouring the TTP.';
    const smallInput = { document: 'small', text: small, body: [[0, small.length]] as Array<[number, number]> };
    // A loaded worker first, so only the budget is timed.
    await pool.extract(smallInput, index);
    const text = hostileTexts(4_000_000)['names-and-verbs']!;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const failure = await pool.extract({ document: 'hostile', text, body: [[0, text.length]] }, index).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    delay.disable();
    expect(failure).toBeInstanceOf(ExtractionOverBudget);
    expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 50);
    expect(elapsed).toBeLessThan(BUDGET_MS + 1_500);
    // The test's own thread only waited: no stall anywhere near the extraction's length.
    expect(delay.max / 1e6).toBeLessThan(250);

    const after = await pool.extract(smallInput, index);
    expect(after.claims.length).toBeGreaterThan(0);
  });

  test('a closed pool refuses work', async () => {
    const closed = new ExtractionPool();
    await closed.close();
    await expect(closed.extract({ document: 'x', text: 'x', body: [[0, 1]] }, index)).rejects.toThrow();
  });
});

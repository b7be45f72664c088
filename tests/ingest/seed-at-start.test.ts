/**
 * Seeding at the first start resumes: a start killed mid-seeding is completed by the next
 * one, and a seed document changed after seeding is never reverted.
 */
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { StoreHealth } from '../../server/domain/index.ts';
import { ingest } from '../../server/ingest/ingest.ts';
import { seedAtStart, seedMarkerPath } from '../../server/ingest/seed-at-start.ts';
import { EmbeddedStore, JOURNAL_FILE } from '../../server/store/embedded/index.ts';
import { seedsDir } from '../helpers/seed.ts';
import { listening, serveEnv, useServeProcesses } from '../helpers/serve-process.ts';

const quiet = pino({ level: 'silent' });
const SEED_IDS = ['000_cfc134b66c6808e2', '001_977e6d2ceaf3d2f9', '002_51eec4bc261835c7', '003_b51d1550b1715137', '004_8d7461f0818b03b9'];
const processes = useServeProcesses();
const scratch = processes.scratch;

describe('seedAtStart', () => {
  it('loads the seed documents a half-seeded store lacks, then never rewrites a seed document', async () => {
    const dataDir = await scratch();
    const config = loadConfig({ DYAD_DATA_DIR: dataDir, DYAD_SEEDS_DIR: seedsDir });
    const store = new EmbeddedStore({ dataDir, logger: quiet });
    await store.open();
    try {
      // What an interrupted first start leaves: two of five.
      await ingest(store, { paths: SEED_IDS.slice(0, 2).map((id) => join(seedsDir, `${id}.txt`)), seedsDir });
      await seedAtStart(store, config, quiet);
      expect((await store.listDocuments()).map((d) => d.id)).toEqual(SEED_IDS);
      expect(existsSync(seedMarkerPath(config))).toBe(true);

      const analysed = await store.getDocument(SEED_IDS[3]!);
      const claims = (await store.allClaims({ documents: [analysed.id] })).map(({ documentTitle: _t, reliability: _r, subject, object, ...c }) => ({
        ...c,
        subject: subject.id,
        object: object.id,
      }));
      await store.putDocument({ document: { ...analysed, title: 'Re-read by an analyst', hash: 'analyst' }, claims, actors: [] });
      await seedAtStart(store, config, quiet);
      await rm(seedMarkerPath(config));
      await seedAtStart(store, config, quiet);
      expect((await store.getDocument(SEED_IDS[3]!)).title).toBe('Re-read by an analyst');
    } finally {
      await store.close();
    }
  });
});

describe('dyad serve killed while seeding', () => {
  it('completes the seeding at the next start', { timeout: 180_000 }, async () => {
    const dataDir = await scratch();
    const journal = join(dataDir, JOURNAL_FILE);
    const first = serve(dataDir);
    waitForDocumentLines(journal, Date.now() + 60_000);
    first.kill('SIGKILL');
    if (first.exitCode === null && first.signalCode === null) await once(first, 'exit');
    const kept = leaveKilledInsideSeedWrite(journal, seedMarkerPath(loadConfig({ DYAD_DATA_DIR: dataDir })));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(SEED_IDS.length);

    const second = serve(dataDir);
    const url = await listening(second);
    const health = (await (await fetch(`${url}/api/health`)).json()) as StoreHealth;
    expect(health.counts?.documents).toBe(SEED_IDS.length);
    expect((await stat(seedMarkerPath(loadConfig({ DYAD_DATA_DIR: dataDir })))).isFile()).toBe(true);
  });
});

const serve = (dataDir: string) => processes.start(serveEnv(dataDir));

/** Spins (synchronously, so nothing delays the kill) until the journal holds a document line. */
function waitForDocumentLines(path: string, deadline: number): void {
  while (Date.now() < deadline) {
    const text = existsSync(path) ? readFileSync(path, 'latin1') : '';
    if (text.includes('"op":"document"')) return;
  }
}

const DOCUMENT_LINE = '"op":"document"';

/**
 * The seeds reach the journal in one write, so a SIGKILL lands inside it only by the width of a
 * memory copy, which on a loaded machine the spin above misses. What a kill inside that write
 * leaves on disk is known: the document lines before the cut whole, the one it cut torn (no
 * newline), no marker. When the kill landed later, the journal and marker are cut back to that
 * state (two documents whole, the third torn). Returns how many document lines are whole.
 */
function leaveKilledInsideSeedWrite(journal: string, marker: string): number {
  const bytes = readFileSync(journal);
  const ends: number[] = [];
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) ends.push(at + 1);
  const documents = ends.filter((end, i) => bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end).includes(DOCUMENT_LINE));
  if (documents.length < SEED_IDS.length && !existsSync(marker)) return documents.length;
  const firstDocument = ends.indexOf(documents[0]!);
  const [secondEnd, thirdEnd] = [ends[firstDocument + 1]!, ends[firstDocument + 2]!];
  truncateSync(journal, secondEnd + Math.floor((thirdEnd - secondEnd) / 2));
  rmSync(marker, { force: true });
  return 2;
}

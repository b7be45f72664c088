/**
 * The bulk ingest pipeline: documents prepared in worker threads, written a batch per store
 * round trip, a refused batch retried one document at a time; reruns change nothing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDocument, discoverDocuments } from '../../server/ingest/corpus.ts';
import { describeSummary, ingest, type IngestSummary, loadIndex, writeBatch } from '../../server/ingest/ingest.ts';
import type { PreparedDocument } from '../../server/ingest/prepare-batch.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seedsDir } from '../helpers/seed.ts';
import { copySeeds } from '../helpers/seed-copy.ts';
import { storeCases } from '../helpers/stores.ts';

const emptySummary = (): IngestSummary => ({ documents: 0, created: 0, updated: 0, unchanged: 0, actorsChanged: 0, claims: 0, rejected: [] });

describe.each(storeCases)('ingest pipeline on the $name store', ({ open, skip }) => {
  let store: GraphStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it.skipIf(skip)('rejects a bad document of a batch alone and writes the rest', async () => {
    store = await open();
    const index = await loadIndex(seedsDir);
    await store.putActors(index.actors);
    const prepared: PreparedDocument[] = [];
    for (const files of (await discoverDocuments([seedsDir])).slice(0, 3)) {
      const { upsert, problems } = await prepareDocument(files, index);
      prepared.push({ id: files.id, upsert, problems: problems.map((p) => p.message) });
    }
    // The middle document names an actor that neither it nor the store knows: the store refuses the batch.
    const bad = prepared[1]!.upsert!;
    bad.claims[0] = { ...bad.claims[0]!, object: 'no-such-actor' };
    const summary = emptySummary();
    await writeBatch(store, prepared, summary);
    expect(summary.created).toBe(2);
    expect(summary.rejected).toEqual([{ document: bad.document.id, problems: [expect.stringContaining('no-such-actor')] }]);
    expect((await store.listDocuments()).map((d) => d.id)).toEqual([prepared[0]!.id, prepared[2]!.id]);
  }, 120_000);

  it.skipIf(skip)('loads the seeds through worker threads in small batches, and a rerun changes nothing', async () => {
    store = await open();
    const options = { paths: [seedsDir], seedsDir, batchSize: 2, threads: 2 };
    const progress: number[] = [];
    const first = await ingest(store, { ...options, onProgress: (done) => progress.push(done) });
    expect(first).toMatchObject({ documents: 5, created: 5, unchanged: 0, rejected: [] });
    expect(progress).toEqual([2, 4, 5]);
    const again = await ingest(store, options);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, actorsChanged: 0, claims: first.claims });
    expect(describeSummary(again)).toContain('(nothing changed)');
  }, 120_000);
});

describe('ingest pipeline problems', () => {
  const embedded = storeCases.find((c) => c.name === 'embedded')!;
  let store: GraphStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('rejects a document whose claim does not match its text, in a worker, and loads the others', async () => {
    const dir = await copySeeds();
    const [first] = await discoverDocuments([dir]);
    const claimsFile = first!.claimsPath!;
    await writeFile(claimsFile, (await readFile(claimsFile, 'utf8')).replace(/quote: "[^"]+"/, 'quote: "words that are nowhere"'));
    store = await embedded.open();
    const summary = await ingest(store, { paths: [dir], seedsDir: dir, batchSize: 2, threads: 2 });
    expect(summary).toMatchObject({ created: 4, rejected: [{ document: first!.id, problems: [expect.stringContaining(`${claimsFile}:`)] }] });
  });

  it('surfaces a worker failure naming the file', async () => {
    const dir = await copySeeds();
    // A directory named like a document: reading it fails in the worker, not as a problem of the document.
    await mkdir(join(dir, 'zz-unreadable.txt'));
    store = await embedded.open();
    await expect(ingest(store, { paths: [dir], seedsDir: dir, batchSize: 2, threads: 2 })).rejects.toThrow(join(dir, 'zz-unreadable.txt'));
  });
});

/**
 * The bulk ingest pipeline: documents prepared in worker threads, written a batch per store
 * round trip, a refused batch retried one document at a time; reruns change nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDocument, discoverDocuments } from '../../server/ingest/corpus.ts';
import { describeSummary, ingest, type IngestSummary, loadIndex, writeBatch } from '../../server/ingest/ingest.ts';
import type { PreparedDocument } from '../../server/ingest/prepare-batch.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seedsDir } from '../helpers/seed.ts';
import { copySeeds } from '../helpers/seed-copy.ts';
import { storeCases } from '../helpers/stores.ts';
import { generateCorpus } from '../bench/corpus.ts';
import { EmbeddedStore, JOURNAL_FILE, SNAPSHOT_FILE } from '../../server/store/embedded/index.ts';
import { Neo4jStore } from '../../server/store/neo4j/index.ts';

const emptySummary = (): IngestSummary => ({ documents: 0, created: 0, updated: 0, unchanged: 0, actorsChanged: 0, claims: 0, rejected: [], notTried: 0 });

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

/**
 * `dyad ingest` of `corpus` in a child process (batches of 200 documents), sent `signal` once it
 * has written its first batch if one is given; resolves with its exit code and output.
 */
function runIngest(corpus: string, env: NodeJS.ProcessEnv, signal?: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'ingest', '--batch-size', '200', corpus], {
    env: { ...process.env, DYAD_SEEDS_DIR: corpus, LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const progressed = (text: string) => /ingest: \d+\/\d+ documents\n/.test(text);
    if (signal && !progressed(stderr) && progressed(stderr + chunk.toString())) child.kill(signal);
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('dyad ingest stopped by a signal', () => {
  const quiet = pino({ level: 'silent' });
  const neo4jUri = inject('neo4jUri');
  let root: string;
  let corpus: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dyad-stop-'));
    // 800 documents, four batches of 200 (about 2 MiB of embedded journal each).
    corpus = (await generateCorpus(root, 16_000)).dir;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const stores = [
    {
      name: 'embedded',
      signal: 'SIGTERM' as const,
      async env(): Promise<NodeJS.ProcessEnv> {
        return { DYAD_DATA_DIR: await mkdtemp(join(root, 'data-')), NEO4J_URI: '' };
      },
    },
    {
      name: 'neo4j',
      signal: 'SIGINT' as const,
      async env(): Promise<NodeJS.ProcessEnv> {
        const store = new Neo4jStore({ uri: neo4jUri, logger: quiet });
        await store.open();
        await store.clearAll();
        await store.close();
        return { NEO4J_URI: neo4jUri };
      },
    },
  ];

  it.each(stores)('on the $name store ($signal): finishes the batch in flight, closes the store, exits 1; a rerun continues', async ({ name, signal, env }) => {
    if (name === 'neo4j' && !neo4jUri) return;
    const environment = await env();
    const stopped = await runIngest(corpus, environment, signal);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(`dyad ingest: ${signal}: finishing the batch in flight`);
    const created = Number(/(\d+) created/.exec(stopped.stdout)?.[1]);
    const notTried = Number(/stopped: (\d+) documents not tried/.exec(stopped.stderr)?.[1]);
    // Whole batches only, at least the one that was written when the signal came, and not all of them.
    expect(created % 200).toBe(0);
    expect(created).toBeGreaterThanOrEqual(200);
    expect(notTried).toBeGreaterThan(0);
    expect(created + notTried).toBe(800);
    expect(stopped.stdout).toContain(`; ${created * 20} claims;`);
    if (name === 'embedded') {
      // Closed, not killed: the journal's lock was released, and the snapshot written exactly when the
      // journal passed the 4 MiB below which none is; the store holds exactly the batches written.
      const journal = join(environment.DYAD_DATA_DIR!, JOURNAL_FILE);
      expect(existsSync(`${journal}.lock`)).toBe(false);
      expect(existsSync(join(environment.DYAD_DATA_DIR!, SNAPSHOT_FILE))).toBe(statSync(journal).size >= 4 * 2 ** 20);
      const store = new EmbeddedStore({ dataDir: environment.DYAD_DATA_DIR!, logger: quiet });
      await store.open();
      expect((await store.listDocuments()).length).toBe(created);
      await store.close();
    }
    const rerun = await runIngest(corpus, environment);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`800 documents: ${notTried} created, 0 updated, ${created} unchanged, 0 rejected`);
    expect(rerun.stderr).not.toContain('stopped');
  }, 240_000);
});

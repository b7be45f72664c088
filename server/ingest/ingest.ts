/**
 * Documents into a GraphStore at bulk speed. The gazetteer goes in first (so search knows
 * every actor); then documents are prepared in worker threads (prepare-pool.ts) a batch at a
 * time, a few batches ahead of the writer, and each batch goes to the store in one
 * putDocuments round trip. A batch the store refuses (it names a bad document and writes
 * nothing) is retried one document at a time, so only the bad document is rejected.
 * Unchanged documents are not rewritten. Stopped (an aborted signal), it finishes the batch it
 * is writing and reports the documents it did not try; every document is in whole or not at all,
 * so a rerun continues where it stopped.
 */
import type { UpsertOutcome } from '../domain/index.ts';
import { InvalidInput, InvalidInputs } from '../errors.ts';
import type { DocumentUpsert, GraphStore } from '../store/graph-store.ts';
import { AliasIndex } from './alias-index.ts';
import { discoverDocuments, type SourceFiles } from './corpus.ts';
import { gazetteerFiles, loadGazetteer } from './gazetteer.ts';
import type { PreparedDocument } from './prepare-batch.ts';
import { createPreparer, defaultThreads } from './prepare-pool.ts';

export interface IngestSummary {
  documents: number;
  created: number;
  updated: number;
  unchanged: number;
  actorsChanged: number;
  claims: number;
  rejected: Array<{ document: string; problems: string[] }>;
  /** Documents left untouched because the ingest was stopped (`signal`) before their batch. */
  notTried: number;
}

export interface IngestOptions {
  /** Documents to ingest: directories (every *.txt) or .txt files. */
  paths: string[];
  /** Where actors.yaml lives. */
  seedsDir: string;
  onProgress?: (done: number, total: number, document: string) => void;
  /** Documents per store round trip (default 250: 5,000 claims at 20 a document). */
  batchSize?: number;
  /** Preparation threads: default one per core, none when everything fits in one batch. */
  threads?: number;
  /** Aborted: the batch being written finishes, no further batch starts (a rerun continues). */
  signal?: AbortSignal;
}

/** A summary of `documents` found, none written yet. */
export const emptySummary = (documents: number): IngestSummary => ({
  documents,
  created: 0,
  updated: 0,
  unchanged: 0,
  actorsChanged: 0,
  claims: 0,
  rejected: [],
  notTried: 0,
});

/** Larger batches spread a transaction's fixed cost (Neo4j) and an fsync (embedded) over more claims. */
const BATCH_SIZE = 250;

/** The seeds' gazetteer, extended by the actors.yaml beside the documents under `paths`. */
export async function loadIndex(seedsDir: string, paths: string[] = []): Promise<AliasIndex> {
  const { index, problems } = await loadGazetteer(...(await gazetteerFiles(seedsDir, paths)));
  if (problems.length > 0) throw new InvalidInputs(problems);
  return index;
}

/** The gazetteer extended by the actors analysts added to the store (GraphStore.addActor): later ingests resolve them too. */
export async function withAddedActors(index: AliasIndex, store: GraphStore): Promise<AliasIndex> {
  const added = (await store.addedActors()).filter((a) => !index.get(a.id));
  return added.length === 0 ? index : new AliasIndex([...index.actors, ...added]);
}

/**
 * `sources` prepared batch by batch, in order: worker threads (default one per core, none when
 * everything fits in one batch) prepare a bounded number of batches ahead of the consumer, so
 * memory stays flat. Breaking off the loop stops the workers.
 */
export async function* preparedBatches(
  sources: SourceFiles[],
  index: AliasIndex,
  options: { batchSize?: number | undefined; threads?: number | undefined } = {},
): AsyncGenerator<PreparedDocument[]> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const batches = Array.from({ length: Math.ceil(sources.length / batchSize) }, (_, i) => sources.slice(i * batchSize, (i + 1) * batchSize));
  const threads = options.threads ?? (batches.length > 1 ? defaultThreads() : 0);
  const preparer = createPreparer(index, threads);
  const ahead = Math.max(1, threads * 2);
  const pending: Array<Promise<PreparedDocument[]>> = [];
  let next = 0;
  const refill = () => {
    while (next < batches.length && pending.length < ahead) {
      const prepared = preparer.prepare(batches[next++]!);
      prepared.catch(() => {}); // awaited in order below; this only keeps an early failure from counting as unhandled
      pending.push(prepared);
    }
  };
  try {
    refill();
    while (pending.length > 0) {
      const prepared = await pending.shift()!;
      refill();
      yield prepared;
    }
  } finally {
    await preparer.close();
  }
}

export async function ingest(store: GraphStore, options: IngestOptions): Promise<IngestSummary> {
  const index = await withAddedActors(await loadIndex(options.seedsDir, options.paths), store);
  const sources = await discoverDocuments(options.paths);
  const summary = emptySummary(sources.length);
  summary.actorsChanged = await store.putActors(index.actors);
  let done = 0;
  if (!options.signal?.aborted)
    for await (const prepared of preparedBatches(sources, index, options)) {
      if (options.signal?.aborted) break;
      await writeBatch(store, prepared, summary);
      done += prepared.length;
      options.onProgress?.(done, sources.length, prepared.at(-1)!.id);
      if (options.signal?.aborted) break;
    }
  summary.notTried = sources.length - done;
  return summary;
}

/** One batch into the store in one round trip; if the store refuses it, document by document. */
export async function writeBatch(store: GraphStore, prepared: PreparedDocument[], summary: IngestSummary): Promise<void> {
  const ready: DocumentUpsert[] = [];
  for (const p of prepared) {
    if (p.upsert) ready.push(p.upsert);
    else summary.rejected.push({ document: p.id, problems: p.problems });
  }
  const count = (upsert: DocumentUpsert, outcome: UpsertOutcome) => {
    summary[outcome] += 1;
    summary.claims += upsert.claims.length;
  };
  try {
    const outcomes = await store.putDocuments(ready, { prepared: true });
    ready.forEach((upsert, i) => count(upsert, outcomes[i]!));
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    for (const upsert of ready) {
      try {
        count(upsert, await store.putDocument(upsert));
      } catch (single) {
        if (!(single instanceof InvalidInput)) throw single;
        summary.rejected.push({ document: upsert.document.id, problems: [single.message] });
      }
    }
  }
}

/** One line that always ends an ingest. */
export function describeSummary(s: IngestSummary): string {
  const changed = s.created + s.updated;
  const verdict = changed === 0 && s.actorsChanged === 0 && s.rejected.length === 0 ? ' (nothing changed)' : '';
  return (
    `ingest: ${s.documents} documents: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ` +
    `${s.rejected.length} rejected; ${s.claims} claims; ${s.actorsChanged} actors changed${verdict}`
  );
}

/**
 * Preparing documents (reading text, metadata and claims YAML, locating quotes, resolving
 * aliases, extraction) is CPU work that grows with the corpus, so bulk ingest runs it in a
 * pool of worker threads, one per core, a batch of documents per task. The gazetteer is in
 * every thread, so a prepared document's gazetteer actors cross back as numbers (ShippedDocument)
 * and are attached again here: the writer's thread neither copies nor collects them.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Actor } from '../domain/index.ts';
import type { AliasIndex } from './alias-index.ts';
import type { SourceFiles } from './corpus.ts';
import { batchPreparer, type PreparedDocument } from './prepare-batch.ts';
import { workerEntry } from '../worker-entry.ts';

export interface Preparer {
  prepare(batch: SourceFiles[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
}

/** A prepared document as a worker sends it: each of its actors that is the gazetteer's as its number (its place in the gazetteer's list). */
export type ShippedDocument = Omit<PreparedDocument, 'upsert'> & {
  upsert?: Omit<NonNullable<PreparedDocument['upsert']>, 'actors'> & { actors: Array<Actor | number> };
};

/** In the worker: the gazetteer's actors replaced by their numbers (`numbers`: actor → place in the gazetteer's list). */
export function ship(prepared: PreparedDocument[], numbers: ReadonlyMap<Actor, number>): ShippedDocument[] {
  return prepared.map((p) => (p.upsert ? { ...p, upsert: { ...p.upsert, actors: p.upsert.actors.map((a) => numbers.get(a) ?? a) } } : p));
}

/** In the writer's thread: the numbers taken back to the gazetteer's actors (`gazetteer`: the list the worker numbered). */
export function unship(shipped: ShippedDocument[], gazetteer: readonly Actor[]): PreparedDocument[] {
  return shipped.map(({ upsert, ...p }) =>
    upsert ? { ...p, upsert: { ...upsert, actors: upsert.actors.map((a) => (typeof a === 'number' ? gazetteer[a]! : a)) } } : p,
  );
}

export const defaultThreads = (): number => availableParallelism();

/** `threads` workers; 0 prepares in this thread (for a handful of documents, starting workers costs more than it saves). */
export function createPreparer(index: AliasIndex, threads: number): Preparer {
  if (threads === 0) return { prepare: batchPreparer(index), close: async () => {} };
  // TypeScript through tsx in a checkout, the built JavaScript in the package.
  const { filename, execArgv } = workerEntry(import.meta.url, 'prepare-worker');
  const actors = index.actors;
  const pool = new Piscina<SourceFiles[], ShippedDocument[]>({
    filename,
    workerData: { actors },
    minThreads: threads,
    maxThreads: threads,
    execArgv,
  });
  return { prepare: async (batch) => unship(await pool.run(batch), actors), close: () => pool.destroy() };
}

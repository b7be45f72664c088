/**
 * Preparing documents (reading text, metadata and claims YAML, locating quotes, resolving
 * aliases, extraction) is CPU work that grows with the corpus, so bulk ingest runs it in a
 * pool of worker threads, one per core, a batch of documents per task.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AliasIndex } from './alias-index.ts';
import type { SourceFiles } from './corpus.ts';
import { batchPreparer, type PreparedDocument } from './prepare-batch.ts';

export interface Preparer {
  prepare(batch: SourceFiles[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
}

export const defaultThreads = (): number => availableParallelism();

/** Workers run TypeScript through tsx, resolved from here so that any working directory does. */
const workerArgv = ['--import', import.meta.resolve('tsx')];

/** `threads` workers; 0 prepares in this thread (for a handful of documents, starting workers costs more than it saves). */
export function createPreparer(index: AliasIndex, threads: number): Preparer {
  if (threads === 0) return { prepare: batchPreparer(index), close: async () => {} };
  const pool = new Piscina<SourceFiles[], PreparedDocument[]>({
    filename: new URL('./prepare-worker.ts', import.meta.url).href,
    workerData: { actors: index.actors },
    minThreads: threads,
    maxThreads: threads,
    execArgv: workerArgv,
  });
  return { prepare: (batch) => pool.run(batch), close: () => pool.destroy() };
}

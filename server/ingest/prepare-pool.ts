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
import { workerEntry } from '../worker-entry.ts';

export interface Preparer {
  prepare(batch: SourceFiles[]): Promise<PreparedDocument[]>;
  close(): Promise<void>;
}

export const defaultThreads = (): number => availableParallelism();

/** `threads` workers; 0 prepares in this thread (for a handful of documents, starting workers costs more than it saves). */
export function createPreparer(index: AliasIndex, threads: number): Preparer {
  if (threads === 0) return { prepare: batchPreparer(index), close: async () => {} };
  // TypeScript through tsx in a checkout, the built JavaScript in the package.
  const { filename, execArgv } = workerEntry(import.meta.url, 'prepare-worker');
  const pool = new Piscina<SourceFiles[], PreparedDocument[]>({
    filename,
    workerData: { actors: index.actors },
    minThreads: threads,
    maxThreads: threads,
    execArgv,
  });
  return { prepare: (batch) => pool.run(batch), close: () => pool.destroy() };
}

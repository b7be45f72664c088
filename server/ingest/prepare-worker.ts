/** A prepare-pool worker (prepare-pool.ts): the gazetteer arrives once as workerData, batches as tasks; files are read synchronously (corpus.ts, ReadText). */
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { Actor } from '../domain/index.ts';
import { AliasIndex } from './alias-index.ts';
import { batchPreparer } from './prepare-batch.ts';

export default batchPreparer(new AliasIndex((workerData as { actors: Actor[] }).actors), async (path) => readFileSync(path, 'utf8'));

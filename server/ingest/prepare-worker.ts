/** A prepare-pool worker (prepare-pool.ts): the gazetteer arrives once as workerData, batches as tasks. */
import { workerData } from 'node:worker_threads';
import type { Actor } from '../domain/index.ts';
import { AliasIndex } from './alias-index.ts';
import { batchPreparer } from './prepare-batch.ts';

export default batchPreparer(new AliasIndex((workerData as { actors: Actor[] }).actors));

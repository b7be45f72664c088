/**
 * A prepare-pool worker (prepare-pool.ts): the gazetteer arrives once as workerData, batches as
 * tasks, prepared documents go back with the gazetteer's actors as numbers; files are read
 * synchronously (corpus.ts, ReadText).
 */
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { Actor } from '../domain/index.ts';
import { AliasIndex } from './alias-index.ts';
import type { SourceFiles } from './corpus.ts';
import { batchPreparer } from './prepare-batch.ts';
import { ship, type ShippedDocument } from './prepare-pool.ts';

const { actors } = workerData as { actors: Actor[] };
// The index holds these very objects, so a prepared document's gazetteer actors are found here.
const numbers = new Map(actors.map((actor, i) => [actor, i]));
const prepare = batchPreparer(new AliasIndex(actors), async (path) => readFileSync(path, 'utf8'));

export default async (batch: SourceFiles[]): Promise<ShippedDocument[]> => ship(await prepare(batch), numbers);

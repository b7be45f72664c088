/** One extraction worker (extract-pool.ts): a task in, the extractor's claims or its error out. */
import { parentPort } from 'node:worker_threads';
import { AliasIndex } from './alias-index.ts';
import { extract } from './extract/index.ts';
import { type ExtractionAnswer, type ExtractionTask, WORKER_READY } from './extract-pool.ts';

parentPort!.on('message', ({ input, actors }: ExtractionTask) => {
  let answer: ExtractionAnswer;
  try {
    answer = { ok: true, result: extract(input, new AliasIndex(actors)) };
  } catch (error) {
    answer = { ok: false, message: (error as Error).message };
  }
  parentPort!.postMessage(answer);
});

// The tagger's model loads on first use: load it now, so a task's time budget times only its text.
extract({ document: 'warm-up', text: 'The group met the state.', body: [[0, 24]] }, new AliasIndex([]));
parentPort!.postMessage(WORKER_READY);

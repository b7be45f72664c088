/**
 * The extractor off the event loop: a small pool of worker threads, each running
 * `extract` (server/ingest/extract) on one text at a time under a time budget. A text
 * that runs over budget gets its worker terminated and replaced, and its promise rejects
 * with ExtractionOverBudget; the server's own thread never runs the extractor, so no
 * text can stall it. Tasks beyond the pool size wait their turn; the budget counts from
 * the moment a loaded worker takes the task.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Actor, ClaimRecord, Span } from '../domain/index.ts';
import { ExtractionOverBudget, StoreUnavailable } from '../errors.ts';
import type { AliasIndex } from './alias-index.ts';
import { workerScript } from '../worker-entry.ts';

export interface ExtractionInput {
  document: string;
  text: string;
  body: Span[];
}

export interface Extracted {
  claims: ClaimRecord[];
  actors: Actor[];
}

/** What a worker is sent and answers (extract-worker.ts). */
export interface ExtractionTask {
  input: ExtractionInput;
  actors: Actor[];
}
export type ExtractionAnswer = { ok: true; result: Extracted } | { ok: false; message: string };
/** A worker's first message: the extractor is loaded, so the budget measures extraction alone. */
export const WORKER_READY = 'ready';

export interface ExtractionPoolOptions {
  /** Longest one extraction may run, in milliseconds. */
  budgetMs?: number;
  /** Worker threads at most. */
  size?: number;
}

export const DEFAULT_EXTRACTION_BUDGET_MS = 5_000;

// TypeScript through tsx in a checkout, JavaScript in the built package (worker-entry.ts).
const ENTRY = workerScript(import.meta.url, 'extract-worker');

interface Pending {
  task: ExtractionTask;
  resolve(result: Extracted): void;
  reject(error: Error): void;
}

export class ExtractionPool {
  readonly budgetMs: number;
  private readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private starting = 0;
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(options: ExtractionPoolOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_EXTRACTION_BUDGET_MS;
    this.size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  }

  /** Extracts claims from one text in a worker; rejects with ExtractionOverBudget past the budget. */
  extract(input: ExtractionInput, index: AliasIndex): Promise<Extracted> {
    if (this.closed) return Promise.reject(new StoreUnavailable('the extraction pool is closed'));
    return new Promise<Extracted>((resolve, reject) => {
      this.queue.push({ task: { input, actors: index.actors }, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; queued tasks reject. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new StoreUnavailable('the extraction pool is closed'));
    await Promise.all([...this.idle.splice(0), ...this.busy].map((w) => w.terminate()));
    this.busy.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0 && this.idle.length > 0) this.run(this.idle.pop()!, this.queue.shift()!);
    if (this.queue.length > this.starting && this.busy.size + this.starting < this.size) this.spawn();
  }

  /** A new worker joins the idle ones once it has loaded the extractor; one that fails to start fails the next task. */
  private spawn(): void {
    this.starting++;
    const worker = new Worker(ENTRY, { eval: true });
    const started = (error?: Error) => {
      worker.off('message', onReady);
      worker.off('error', started);
      worker.off('exit', onExit);
      this.starting--;
      if (this.closed) void worker.terminate();
      else if (error) this.queue.shift()?.reject(error);
      else this.idle.push(worker);
      if (!this.closed) this.dispatch();
    };
    const onReady = (message: unknown) => message === WORKER_READY && started();
    const onExit = (code: number) => started(new Error(`the extraction worker exited with code ${code} while starting`));
    worker.on('message', onReady);
    worker.once('error', started);
    worker.once('exit', onExit);
  }

  private run(worker: Worker, pending: Pending): void {
    this.busy.add(worker);
    const settle = (outcome: { result: Extracted } | { error: Error }, reusable: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.busy.delete(worker);
      if (reusable && !this.closed) this.idle.push(worker);
      else {
        void worker.terminate();
        // The replacement loads now, so the next text does not wait for it.
        if (!this.closed) this.spawn();
      }
      if ('result' in outcome) pending.resolve(outcome.result);
      else pending.reject(outcome.error);
      this.dispatch();
    };
    const onMessage = (answer: ExtractionAnswer) =>
      answer.ok ? settle({ result: answer.result }, true) : settle({ error: new Error(answer.message) }, true);
    const onError = (error: Error) => settle({ error }, false);
    const onExit = (code: number) => settle({ error: new Error(`the extraction worker exited with code ${code}`) }, false);
    const timer = setTimeout(
      () => settle({ error: new ExtractionOverBudget(pending.task.input.document, this.budgetMs) }, false),
      this.budgetMs,
    );
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(pending.task);
  }
}

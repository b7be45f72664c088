/**
 * sha256 digests computed on a worker thread, so that open() checks a snapshot's bytes while
 * the main thread decodes them. The bytes are shared, not copied: a view over a
 * SharedArrayBuffer reaches the worker as the same memory (any other view is copied to it).
 * Should the worker fail, the digests are computed on the calling thread instead.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** The worker: hashes each view it is sent and answers with its number and hex digest. */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, data }) => parentPort.postMessage({ id, hex: createHash('sha256').update(data).digest('hex') }));
`;

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A worker thread of its own; it keeps the process alive until close(), which follows the last digest. */
export class Sha256Worker {
  private readonly worker = new Worker(SOURCE, { eval: true });
  private readonly pending = new Map<number, { data: Uint8Array; resolve: (hex: string) => void }>();
  private next = 0;
  private failed = false;

  constructor() {
    this.worker.on('message', ({ id, hex }: { id: number; hex: string }) => {
      this.pending.get(id)?.resolve(hex);
      this.pending.delete(id);
    });
    const fail = () => {
      this.failed = true;
      for (const { data, resolve } of this.pending.values()) resolve(sha256Hex(data));
      this.pending.clear();
    };
    this.worker.once('error', fail);
    this.worker.once('exit', fail);
  }

  /** The digest of `data`, which must not change until it resolves. */
  digest(data: Uint8Array): Promise<string> {
    if (this.failed) return Promise.resolve(sha256Hex(data));
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, { data, resolve });
      this.worker.postMessage({ id, data });
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

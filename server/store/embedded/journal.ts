/**
 * The embedded store's append-only journal: one line per committed unit, each line
 *
 *   {"sha256":"<64 hex digits>","payload":<payload JSON>}\n
 *
 * where the digest is over the exact payload bytes. The prefix and the closing brace have
 * fixed form, so the payload is checked byte for byte without re-serialising, and every
 * line is still plain JSON (the file is NDJSON). A line is written whole with fsync before
 * the append resolves.
 *
 * A crash can only tear the last append: the lines from the first bad one to the end of
 * the file are a torn tail, which open() logs and truncates away so later appends start on
 * a clean line. A bad line followed by a good one is corruption, not a crash: open() fails
 * naming the file and line rather than drop what follows.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { InvalidInput, StoreUnavailable } from '../../errors.ts';
import { lockJournal } from './lock.ts';

const NEWLINE = 0x0a;
const LINE = /^\{"sha256":"([0-9a-f]{64})","payload":(.*)\}$/s;

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

export function encodeLine(payload: unknown): Buffer {
  const json = JSON.stringify(payload);
  return Buffer.from(`{"sha256":"${digest(json)}","payload":${json}}\n`);
}

/** The payload of one line (without its newline), or undefined when the line is torn or corrupt. */
export function decodeLine(line: Buffer): { payload: unknown } | undefined {
  const match = LINE.exec(line.toString('utf8'));
  if (!match || digest(match[2]!) !== match[1]) return undefined;
  try {
    return { payload: JSON.parse(match[2]!) };
  } catch {
    return undefined;
  }
}

/** Applies one replayed payload; throws when the payload is not a valid entry. */
export type Replay = (payload: unknown) => void;

export class Journal {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly unlock: () => Promise<void>,
    /** Bytes of complete lines: where the next append starts. */
    private size: number,
  ) {}

  /**
   * Locks the journal at `path` for this process, opens it (creating it and its directory),
   * replays every complete line through `replay` in order, and truncates a torn tail.
   */
  static async open(path: string, replay: Replay, log: Logger): Promise<Journal> {
    await mkdir(dirname(path), { recursive: true });
    const unlock = await lockJournal(path);
    const handle = await open(path, 'a+').catch(async (error: unknown) => {
      await unlock();
      throw error;
    });
    try {
      const data = await handle.readFile();
      const size = replayLines(path, data, replay);
      if (size < data.length) {
        log.warn(
          { journal: path, keptBytes: size, droppedBytes: data.length - size },
          'journal ends in a torn or corrupt entry (an interrupted write); truncating it away',
        );
        await handle.truncate(size);
        await handle.sync();
      }
      if (data.length === 0) await syncDirectory(dirname(path));
      return new Journal(path, handle, unlock, size);
    } catch (error) {
      await handle.close();
      await unlock();
      throw error;
    }
  }

  /** Appends one payload as one line and fsyncs. On failure the file is cut back to its last complete line. */
  append(payload: unknown): Promise<void> {
    return this.appendAll([payload]);
  }

  /**
   * Appends payloads as lines with one write and one fsync (bulk ingest: a sync per line would
   * bound it to the disk's sync rate). Each line is still whole or torn away at open(), so every
   * payload stays atomic. On failure the file is cut back to where this call started.
   */
  async appendAll(payloads: unknown[]): Promise<void> {
    if (payloads.length === 0) return;
    const lines = Buffer.concat(payloads.map(encodeLine));
    try {
      await this.handle.appendFile(lines);
      await this.handle.sync();
    } catch (error) {
      await this.handle.truncate(this.size).catch(() => undefined);
      throw new StoreUnavailable(`cannot write the journal ${this.path}: ${(error as Error).message}`);
    }
    this.size += lines.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
    await this.unlock();
  }
}

/** Replays the good lines of `data`; returns the byte length of the good prefix. */
function replayLines(path: string, data: Buffer, replay: Replay): number {
  let good = 0;
  let firstBad: number | undefined;
  let lineNumber = 0;
  for (let start = 0; start < data.length; ) {
    lineNumber++;
    const newline = data.indexOf(NEWLINE, start);
    const end = newline === -1 ? data.length : newline;
    // A line without its newline was cut short, whatever it holds.
    const decoded = newline === -1 ? undefined : decodeLine(data.subarray(start, end));
    if (!decoded) {
      firstBad ??= lineNumber;
    } else {
      if (firstBad !== undefined)
        throw new InvalidInput(
          `${path}:${firstBad}: corrupt journal entry followed by valid entries (line ${lineNumber}); the journal is damaged, not torn by a crash`,
          { file: path, line: firstBad },
        );
      try {
        replay(decoded.payload);
      } catch (error) {
        throw new InvalidInput(`${path}:${lineNumber}: ${(error as Error).message}`, { file: path, line: lineNumber });
      }
      good = end + 1;
    }
    start = end + 1;
  }
  return good;
}

/** Makes a newly created journal's directory entry durable. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

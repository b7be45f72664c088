/**
 * The embedded store's append-only journal: one line per committed unit, each line
 *
 *   {"sha256":"<64 hex digits>","payload":<payload JSON>}\n
 *
 * where the digest is over the exact payload bytes. The prefix and the closing brace have
 * fixed form, so the payload is checked byte for byte without re-serialising, and every
 * line is still plain JSON (the file is NDJSON). A line is written whole with fsync before
 * the append resolves. A line may end in CRLF (an editor or a copy converted it): the CR
 * is not part of the line.
 *
 * A crash can only tear the last append, and a torn line has no newline: open() copies
 * such a tail to a side file beside the journal, then truncates it away so later appends
 * start on a clean line. Any complete line that fails its checksum or its replay is
 * damage, not a crash: open() refuses, naming the file and line, and changes nothing;
 * `dyad doctor` reports such lines and `dyad repair` moves them aside (journal-repair.ts).
 */
import { hash } from 'node:crypto';
import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { InvalidInput, StoreUnavailable } from '../../errors.ts';
import { lockJournal } from './lock.ts';

const NEWLINE = 0x0a;
const CR = 0x0d;
const LINE = /^\{"sha256":"([0-9a-f]{64})","payload":(.*)\}$/s;

const digest = (text: string): string => hash('sha256', text, 'hex');

export function encodeLine(payload: unknown): Buffer {
  return Buffer.from(encodeText(payload).text);
}

function encodeText(payload: unknown): { text: string; sha256: string } {
  const json = JSON.stringify(payload);
  const sha256 = digest(json);
  return { text: `{"sha256":"${sha256}","payload":${json}}\n`, sha256 };
}

/**
 * A point in the journal: the byte offset where the complete line ending there stops, and
 * that line's checksum (empty at offset 0). A snapshot names the mark it covers up to; the
 * line's checksum tells the same journal from one rewritten or cut since.
 */
export interface JournalMark {
  end: number;
  sha256: string;
}

/** Where replay may start: after `mark`, when the journal still has that line there; else `mismatch()` is called and replay starts at the beginning. */
export interface Resume {
  mark: JournalMark;
  mismatch(reason: string): void;
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
    /** The checksum of the last complete line. */
    private lastSha256: string,
  ) {}

  /** The end of the last complete line. */
  get mark(): JournalMark {
    return { end: this.size, sha256: this.lastSha256 };
  }

  private lastFailure: string | undefined;

  /** Why the last append failed, until one succeeds again: a store that cannot write is not healthy. */
  get failure(): string | undefined {
    return this.lastFailure;
  }

  /**
   * Locks the journal at `path` for this process, opens it (creating it and its directory),
   * replays every complete line through `replay` in order, and truncates a torn tail.
   */
  static async open(path: string, replay: Replay, log: Logger, resume?: Resume): Promise<Journal> {
    const { handle, unlock } = await openLocked(path);
    try {
      // With a snapshot (snapshot.ts), only the line ending at its mark and the lines after it
      // are read (the whole file when the mark does not hold); line numbers in messages are
      // then counted on demand.
      let { data, base } = resume ? await readFromLineBefore(handle, resume.mark.end) : { data: await handle.readFile(), base: 0 };
      const problem = resume && markProblem(data, resume.mark, base);
      if (problem) {
        resume!.mismatch(problem);
        if (base > 0) ({ data, base } = { data: await handle.readFile(), base: 0 });
      }
      const from = resume && !problem ? resume.mark.end : 0;
      const scan = scanJournal(data.subarray(from - base));
      const lineOffset = async () => (from > 0 ? countLines(await handle.readFile(), from) : 0);
      const damaged = scan.lines.find((l) => l.problem);
      if (damaged) {
        const line = damaged.line + (await lineOffset());
        throw new InvalidInput(
          `${path}:${line}: ${damaged.problem}; the journal is damaged, not torn by a crash, and was left as it is ` +
            '(`dyad doctor` lists every damaged line, `dyad repair` moves them aside)',
          { file: path, line },
        );
      }
      for (const line of scan.lines) {
        try {
          replay(line.payload);
        } catch (error) {
          const number = line.line + (await lineOffset());
          throw new InvalidInput(`${path}:${number}: ${(error as Error).message}`, { file: path, line: number });
        }
      }
      const length = base + data.length;
      const kept = from + (scan.torn?.start ?? length - from);
      if (scan.torn) {
        const aside = `${path}.torn-${Date.now()}`;
        await writeFile(aside, data.subarray(kept - base), { flag: 'wx', flush: true });
        log.warn(
          { journal: path, keptBytes: kept, droppedBytes: length - kept, line: scan.torn.line + (await lineOffset()), movedTo: aside },
          'journal ends in a torn entry (an interrupted write); moved it aside and truncated it away',
        );
        await handle.truncate(kept);
        await handle.sync();
      }
      if (length === 0) await syncDirectory(dirname(path));
      const last = scan.lines.at(-1);
      const lastSha256 = last ? lineChecksum(data, from - base + last.start) : from > 0 ? resume!.mark.sha256 : '';
      return new Journal(path, handle, unlock, kept, lastSha256);
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
    // The lines as one string, turned into bytes once: no buffer per line to gather.
    let text = '';
    let sha256 = '';
    for (const payload of payloads) {
      const encoded = encodeText(payload);
      text += encoded.text;
      sha256 = encoded.sha256;
    }
    const lines = Buffer.from(text);
    try {
      await this.handle.appendFile(lines);
      await this.handle.sync();
    } catch (error) {
      await this.handle.truncate(this.size).catch(() => undefined);
      this.lastFailure = `cannot write the journal ${this.path}: ${(error as Error).message}`;
      throw new StoreUnavailable(this.lastFailure);
    }
    this.size += lines.length;
    this.lastSha256 = sha256;
    this.lastFailure = undefined;
  }

  async close(): Promise<void> {
    await this.handle.close();
    await this.unlock();
  }
}

export interface ScannedLine {
  /** 1-based line number. */
  line: number;
  /** Byte offsets of the line with its line ending: [start, end). */
  start: number;
  end: number;
  payload?: unknown;
  /** Why a complete line is damaged. */
  problem?: string;
}

export interface JournalScan {
  /** Every complete line, good or damaged, in order. */
  lines: ScannedLine[];
  /** A last line without its newline: an append cut short by a crash. */
  torn?: { line: number; start: number };
}

/** Splits journal bytes into checked lines. Reads only; replays nothing. */
export function scanJournal(data: Buffer): JournalScan {
  const lines: ScannedLine[] = [];
  let lineNumber = 0;
  for (let start = 0; start < data.length; ) {
    lineNumber++;
    const newline = data.indexOf(NEWLINE, start);
    if (newline === -1) return { lines, torn: { line: lineNumber, start } };
    const contentEnd = newline > start && data[newline - 1] === CR ? newline - 1 : newline;
    const decoded = decodeLine(data.subarray(start, contentEnd));
    lines.push(
      decoded
        ? { line: lineNumber, start, end: newline + 1, payload: decoded.payload }
        : { line: lineNumber, start, end: newline + 1, problem: 'a complete entry fails its checksum or is not a journal line' },
    );
    start = newline + 1;
  }
  return { lines };
}

/** The checksum a line starting at `start` declares (its first field, fixed form). */
function lineChecksum(data: Buffer, start: number): string {
  return data.toString('latin1', start + '{"sha256":"'.length, start + '{"sha256":"'.length + 64);
}

/** Why `mark` is not a line end of this journal with that checksum, or undefined when it is; `data` is the journal from byte `base` on. */
export function markProblem(data: Buffer, mark: JournalMark, base = 0): string | undefined {
  const length = base + data.length;
  if (mark.end > length) return `the journal is shorter (${length} bytes) than the ${mark.end} bytes the snapshot covers`;
  if (mark.end === 0) return undefined;
  const end = mark.end - base;
  if (end < 1 || data[end - 1] !== NEWLINE) return `no line ends at byte ${mark.end}`;
  const start = end < 2 ? 0 : data.lastIndexOf(NEWLINE, end - 2) + 1;
  const contentEnd = end - 1 > start && data[end - 2] === CR ? end - 2 : end - 1;
  const decoded = decodeLine(data.subarray(start, contentEnd));
  if (!decoded || lineChecksum(data, start) !== mark.sha256) return `the line ending at byte ${mark.end} is not the one the snapshot covers`;
  return undefined;
}

/** Bytes read back from `end` at a time while looking for the start of the line that ends there. */
const LOOK_BACK = 64 * 2 ** 10;

/**
 * The journal from the start of the line that ends at byte `end` to its end, and that
 * start (`base`); from the beginning when `end` is 0 or past the end of the file.
 */
async function readFromLineBefore(handle: FileHandle, end: number): Promise<{ data: Buffer; base: number }> {
  const { size } = await handle.stat();
  if (end === 0 || end > size) return { data: await handle.readFile(), base: 0 };
  let base = 0;
  for (let window = LOOK_BACK; ; window *= 4) {
    const start = Math.max(0, end - 1 - window);
    const before = Buffer.alloc(end - 1 - start);
    await handle.read(before, 0, before.length, start);
    const newline = before.lastIndexOf(NEWLINE);
    if (newline !== -1 || start === 0) {
      base = newline === -1 ? 0 : start + newline + 1;
      break;
    }
  }
  const data = Buffer.alloc(size - base);
  for (let at = 0; at < data.length; ) {
    const { bytesRead } = await handle.read(data, at, data.length - at, base + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return { data, base };
}

/** How many lines end before `offset`. */
function countLines(data: Buffer, offset: number): number {
  let lines = 0;
  for (let at = data.indexOf(NEWLINE); at !== -1 && at < offset; at = data.indexOf(NEWLINE, at + 1)) lines++;
  return lines;
}

/** Takes the journal's lock and opens it for appending, creating it and its folder; a folder that cannot be written is a clear error. */
export async function openLocked(path: string): Promise<{ handle: FileHandle; unlock: () => Promise<void> }> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const unlock = await lockJournal(path);
    const handle = await open(path, 'a+').catch(async (error: unknown) => {
      await unlock();
      throw error;
    });
    return { handle, unlock };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new StoreUnavailable(
        `cannot open the journal ${path}: the data folder ${dirname(path)} is not writable by this user (${code}); ` +
          'give it write permission or set DYAD_DATA_DIR to a folder that is',
      );
    throw error;
  }
}

/** Makes a directory's entries (a new or renamed file) durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

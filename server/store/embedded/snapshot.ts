/**
 * The embedded store's snapshot: its whole state as of one journal mark, so open() loads it
 * and replays only the journal lines after the mark, instead of every line ever written.
 * The journal stays the source of truth: a snapshot that is missing, damaged, of another
 * format or of another journal is ignored (with a warning) and the journal replayed whole.
 *
 *   {"dyadSnapshot":1,"journal":{"end":<bytes>,"sha256":"<last covered line's checksum>"}}
 *   <one record (GraphState.records, then Annotations.snapshotRecord) per line>
 *   {"sha256":"<digest of every byte before this line>","records":<count>}
 *
 * Records are lines (not one JSON value) so neither writing nor reading a large state builds
 * one string of its whole size. A snapshot is written to a temporary file, fsynced, and then
 * renamed over the previous one, so a crash leaves the old snapshot or the new, never half;
 * the closing digest still catches a file damaged later.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { AnnotationsRecord } from './annotations.ts';
import type { StateRecord } from './graph-state.ts';
import { type JournalMark, markProblem, syncDirectory } from './journal.ts';

export const SNAPSHOT_FILE = 'snapshot.ndjson';
/** 2: the analysts' work (history, rejections, added actors) is a record of its own. */
const FORMAT = 2;

/** One line of a snapshot: the graph's (GraphState.records) or the analysts' work (Annotations.snapshotRecord). */
export type SnapshotRecord = StateRecord | AnnotationsRecord;
const NEWLINE = 0x0a;
/** Bytes gathered before one write (and one turn of the event loop). */
const CHUNK = 8 * 2 ** 20;

interface Header {
  dyadSnapshot: number;
  journal: JournalMark;
}

/** A snapshot read back: its records and the journal mark they cover up to. */
export interface LoadedSnapshot {
  mark: JournalMark;
  records: SnapshotRecord[];
  bytes: number;
}

/** Writes the store's records as of `mark` to `path` atomically; returns its size in bytes. */
export async function writeSnapshot(path: string, stateRecords: Iterable<SnapshotRecord>, mark: JournalMark): Promise<number> {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  const hash = createHash('sha256');
  let size = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const chunk = Buffer.from(pending.join(''));
    pending = [];
    pendingBytes = 0;
    hash.update(chunk);
    size += chunk.length;
    await handle.write(chunk);
    await yieldToEventLoop();
  };
  const push = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    pending.push(line);
    pendingBytes += line.length;
    if (pendingBytes >= CHUNK) await flush();
  };
  try {
    await push({ dyadSnapshot: FORMAT, journal: mark } satisfies Header);
    let records = 0;
    for (const record of stateRecords) {
      await push(record);
      records++;
    }
    await flush();
    const trailer = Buffer.from(`${JSON.stringify({ sha256: hash.digest('hex'), records })}\n`);
    await handle.write(trailer);
    size += trailer.length;
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
  await syncDirectory(dirname(path));
  return size;
}

/** The snapshot at `path`, or why it cannot be used (`missing` when there is none). */
export async function readSnapshot(path: string): Promise<LoadedSnapshot | { problem: string; missing?: true }> {
  const data = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!data) return { problem: 'no snapshot', missing: true };
  if (data.length === 0 || data[data.length - 1] !== NEWLINE) return { problem: 'the snapshot is cut short' };
  const trailerStart = data.lastIndexOf(NEWLINE, data.length - 2) + 1;
  let trailer: { sha256?: unknown; records?: unknown };
  try {
    trailer = JSON.parse(data.toString('utf8', trailerStart));
  } catch {
    return { problem: 'the snapshot has no closing checksum' };
  }
  const body = data.subarray(0, trailerStart);
  if (trailer.sha256 !== createHash('sha256').update(body).digest('hex')) return { problem: 'the snapshot fails its checksum' };
  const lines: unknown[] = [];
  for (let start = 0; start < body.length; ) {
    const end = body.indexOf(NEWLINE, start);
    lines.push(JSON.parse(body.toString('utf8', start, end)));
    start = end + 1;
  }
  const [header, ...records] = lines as [Header, ...SnapshotRecord[]];
  if (header?.dyadSnapshot !== FORMAT) return { problem: `the snapshot is of another format (${String(header?.dyadSnapshot)}, this dyad reads ${FORMAT})` };
  if (records.length !== trailer.records) return { problem: 'the snapshot holds fewer records than it says' };
  return { mark: header.journal, records, bytes: data.length };
}

/** What `dyad doctor` says of the snapshot beside the journal: whether open() will use it, and how much journal it then replays. */
export async function describeSnapshot(path: string, journalPath: string): Promise<string> {
  const loaded = await readSnapshot(path);
  if ('missing' in loaded) return `snapshot: none (${path}); open replays the whole journal (one is written at close once the journal is large)`;
  if ('problem' in loaded) return `snapshot: ${path} will be ignored (${loaded.problem}); open replays the whole journal`;
  const journal = await readFile(journalPath).catch(() => Buffer.alloc(0));
  const problem = markProblem(journal, loaded.mark);
  if (problem) return `snapshot: ${path} will be ignored (${problem}); open replays the whole journal`;
  return (
    `snapshot: ${path}, ${loaded.bytes} bytes, covers the journal's first ${loaded.mark.end} bytes; ` +
    `open loads it and replays the ${journal.length - loaded.mark.end} bytes after them`
  );
}

/** Removes the snapshot (after `dyad repair` rewrites the journal it was taken of). */
export async function removeSnapshot(path: string): Promise<void> {
  await rm(path, { force: true });
}

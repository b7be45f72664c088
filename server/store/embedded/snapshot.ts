/**
 * The embedded store's snapshot: its whole state as of one journal mark, so open() loads it
 * and replays only the journal lines after the mark, instead of every line ever written.
 * The journal stays the source of truth: a snapshot that is missing, damaged, of another
 * format or of another journal is ignored (with a warning) and the journal replayed whole.
 *
 *   {"dyadSnapshot":4,"journal":{"end":<bytes>,"sha256":"<last covered line's checksum>"},
 *    "sections":[{"name":"<name>","type":"json"|"int32"|"uint8","bytes":<n>},…]}\n
 *   <each section's bytes, in order: JSON text, or a column's values little-endian>\n
 *   {"sha256":["<digest of the header line>","<digest of each section>",…],"sections":<count>}\n
 *
 * The claims and relations are columns (GraphState.snapshotSections), and long strings (the
 * documents' texts, the claim ids) are uint8 sections of UTF-8, so a million claims load as a
 * few buffers, not a JSON value each. Each section is read straight into the memory it is kept
 * in, and its digest is computed on a worker thread while the main thread decodes it: the
 * caller restores from the sections at once and awaits `problem` before it keeps what it built.
 * A snapshot is written to a temporary file, fsynced, and then renamed over the previous one,
 * so a crash leaves the old snapshot or the new, never half; the digests still catch a file
 * damaged later. Snapshots of format 3 (one digest over the whole file) and the
 * snapshot.ndjson of earlier dyads are ignored with a warning.
 */
import { createHash } from 'node:crypto';
import { type FileHandle, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type JournalMark, markProblem, syncDirectory } from './journal.ts';
import { Sha256Worker, sha256Hex } from './sha256-worker.ts';

export const SNAPSHOT_FILE = 'snapshot.bin';
/** Where dyad kept its snapshot before format 3: ignored, with a warning, when it is there. */
export const FORMER_SNAPSHOT_FILE = 'snapshot.ndjson';
/** 4: a digest a section, long strings as UTF-8 sections (3: one digest, strings as JSON). */
const FORMAT = 4;
const NEWLINE = 0x0a;
/** Bytes written before one turn of the event loop. */
const CHUNK = 8 * 2 ** 20;
/** The most the header line or the closing line may take. */
const LINE_LIMIT = 2 ** 20;

/** One named part of a snapshot: a JSON value or a column (uint8: also UTF-8 text). */
export type SnapshotSection = { name: string } & ({ json: unknown } | { column: Int32Array | Uint8Array });
/** A snapshot's sections by name, as written. */
export type Sections = Map<string, unknown>;

type SectionType = 'json' | 'int32' | 'uint8';

interface Header {
  dyadSnapshot: number;
  journal: JournalMark;
  sections: { name: string; type: SectionType; bytes: number }[];
}

/** A snapshot read back: its sections, the journal mark they cover up to, and (once its digests are checked) whether it is damaged. */
export interface LoadedSnapshot {
  mark: JournalMark;
  sections: Sections;
  bytes: number;
  /** Why the snapshot is damaged (a digest differs), or undefined when it is whole. */
  problem: Promise<string | undefined>;
}

function encodeSection(section: SnapshotSection): { type: SectionType; data: Uint8Array } {
  if ('json' in section) return { type: 'json', data: Buffer.from(JSON.stringify(section.json)) };
  const { column } = section;
  return { type: column instanceof Int32Array ? 'int32' : 'uint8', data: new Uint8Array(column.buffer, column.byteOffset, column.byteLength) };
}

/** Writes the store's sections as of `mark` to `path` atomically; returns its size in bytes. */
export async function writeSnapshot(path: string, sections: SnapshotSection[], mark: JournalMark): Promise<number> {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  let size = 0;
  /** Writes `data` and returns its digest, each chunk hashed while the file system writes it. */
  const write = async (data: Uint8Array): Promise<string> => {
    const hash = createHash('sha256');
    for (let at = 0; at < data.length; at += CHUNK) {
      const chunk = data.subarray(at, at + CHUNK);
      const written = handle.write(chunk);
      hash.update(chunk);
      await written;
      await yieldToEventLoop();
    }
    size += data.length;
    return hash.digest('hex');
  };
  try {
    const encoded = sections.map((section) => ({ name: section.name, ...encodeSection(section) }));
    const header: Header = {
      dyadSnapshot: FORMAT,
      journal: mark,
      sections: encoded.map(({ name, type, data }) => ({ name, type, bytes: data.length })),
    };
    const digests = [await write(Buffer.from(`${JSON.stringify(header)}\n`))];
    for (const { data } of encoded) digests.push(await write(data));
    // The closing line is found as the one after the last newline.
    await write(Buffer.from('\n'));
    await write(Buffer.from(`${JSON.stringify({ sha256: digests, sections: encoded.length })}\n`));
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

/** Reads the file from `position` into `target` until it is full or the file ends; returns the bytes read. */
async function readInto(handle: FileHandle, target: Uint8Array, position: number): Promise<number> {
  let at = 0;
  while (at < target.length) {
    const { bytesRead } = await handle.read(target, at, target.length - at, position + at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at;
}

/** The first line of the file (without its newline), or undefined when none ends within LINE_LIMIT bytes. */
async function firstLine(handle: FileHandle, size: number): Promise<Buffer | undefined> {
  const head = Buffer.alloc(Math.min(size, LINE_LIMIT));
  await readInto(handle, head, 0);
  const end = head.indexOf(NEWLINE);
  return end === -1 ? undefined : head.subarray(0, end);
}

/** The last line of the file (without its newline) and where it starts, or undefined when the file does not end in a newline or the line is longer than LINE_LIMIT. */
async function lastLine(handle: FileHandle, size: number): Promise<{ line: Buffer; start: number } | undefined> {
  const from = Math.max(0, size - LINE_LIMIT);
  const tail = Buffer.alloc(size - from);
  await readInto(handle, tail, from);
  if (tail.length === 0 || tail[tail.length - 1] !== NEWLINE) return undefined;
  const start = tail.lastIndexOf(NEWLINE, tail.length - 2) + 1;
  if (start === 0 && from > 0) return undefined;
  return { line: tail.subarray(start, tail.length - 1), start: from + start };
}

const parseJson = (data: Uint8Array): unknown => {
  try {
    return JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
  } catch {
    return undefined;
  }
};

/** A section's memory, shared with the digest worker: a column is read straight into the array it stays in. */
function allocate(type: SectionType, bytes: number): { view: Uint8Array; value: () => unknown } {
  const memory = new SharedArrayBuffer(bytes);
  const view = new Uint8Array(memory);
  if (type === 'int32') return { view, value: () => new Int32Array(memory) };
  if (type === 'uint8') return { view, value: () => view };
  return { view, value: () => parseJson(view) };
}

/** The snapshot at `path`, or why it cannot be used (`missing` when there is none). */
export async function readSnapshot(path: string): Promise<LoadedSnapshot | { problem: string; missing?: true }> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!handle) return { problem: 'no snapshot', missing: true };
  try {
    return await readOpened(handle);
  } finally {
    await handle.close();
  }
}

async function readOpened(handle: FileHandle): Promise<LoadedSnapshot | { problem: string }> {
  const { size } = await handle.stat();
  const closing = await lastLine(handle, size);
  if (!closing) return { problem: 'the snapshot is cut short' };
  const headerLine = await firstLine(handle, size);
  const header = headerLine && (parseJson(headerLine) as Partial<Header> | undefined);
  if (!header || typeof header !== 'object') return { problem: 'the snapshot has no header' };
  if (header.dyadSnapshot !== FORMAT) return { problem: `the snapshot is of another format (${String(header.dyadSnapshot)}, this dyad reads ${FORMAT})` };
  const trailer = parseJson(closing.line) as { sha256?: unknown; sections?: unknown } | undefined;
  const digests = trailer?.sha256;
  if (!Array.isArray(digests)) return { problem: 'the snapshot has no closing checksum' };
  const listed = Array.isArray(header.sections) ? header.sections : [];
  const bodyStart = headerLine.length + 1;
  if (
    listed.length !== trailer!.sections ||
    digests.length !== listed.length + 1 ||
    !listed.every(({ type, bytes }) => Number.isSafeInteger(bytes) && bytes >= 0 && (type === 'int32' ? bytes % 4 === 0 : type === 'json' || type === 'uint8')) ||
    bodyStart + listed.reduce((sum, s) => sum + s.bytes, 0) + 1 !== closing.start
  )
    return { problem: 'the snapshot holds other sections than it says' };
  const separator = Buffer.alloc(1);
  await readInto(handle, separator, closing.start - 1);
  if (separator[0] !== NEWLINE) return { problem: 'the snapshot holds other sections than it says' };

  // Every read is started at once; each section is decoded as its bytes arrive, while the worker hashes it.
  let at = bodyStart;
  const reads = listed.map(({ type, bytes }) => {
    const { view, value } = allocate(type, bytes);
    const read = readInto(handle, view, at);
    at += bytes;
    return { view, value, read };
  });
  const hasher = new Sha256Worker();
  const computed = [Promise.resolve(sha256Hex(Buffer.concat([headerLine, Buffer.from('\n')])))];
  const sections: Sections = new Map();
  let complete = false;
  try {
    for (const [i, { view, value, read }] of reads.entries()) {
      if ((await read) !== view.length) return { problem: 'the snapshot is cut short' };
      computed.push(hasher.digest(view));
      sections.set(listed[i]!.name, value());
    }
    complete = true;
  } finally {
    if (!complete) {
      await Promise.allSettled(reads.map((r) => r.read));
      await hasher.close();
    }
  }
  const problem = Promise.all(computed).then(async (hex) => {
    await hasher.close();
    const damaged = hex.findIndex((h, i) => h !== digests[i]);
    if (damaged === -1) return undefined;
    return `the snapshot fails its checksum (${damaged === 0 ? 'its header' : `section ${listed[damaged - 1]!.name}`})`;
  });
  return { mark: header.journal!, sections, bytes: size, problem };
}

/** What `dyad doctor` says of the snapshot beside the journal: whether open() will use it, and how much journal it then replays. */
export async function describeSnapshot(path: string, journalPath: string): Promise<string> {
  const loaded = await readSnapshot(path);
  if ('missing' in loaded) return `snapshot: none (${path}); open replays the whole journal (one is written at close once the journal is large)`;
  const problem = 'sections' in loaded ? await loaded.problem : loaded.problem;
  if (problem || !('sections' in loaded)) return `snapshot: ${path} will be ignored (${problem}); open replays the whole journal`;
  const { mark, bytes } = loaded;
  const journal = await readFile(journalPath).catch(() => Buffer.alloc(0));
  const foreign = markProblem(journal, mark);
  if (foreign) return `snapshot: ${path} will be ignored (${foreign}); open replays the whole journal`;
  return (
    `snapshot: ${path}, ${bytes} bytes, covers the journal's first ${mark.end} bytes; ` +
    `open loads it and replays the ${journal.length - mark.end} bytes after them`
  );
}

/** Removes the snapshot (after `dyad repair` rewrites the journal it was taken of). */
export async function removeSnapshot(path: string): Promise<void> {
  await rm(path, { force: true });
}

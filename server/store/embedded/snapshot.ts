/**
 * The embedded store's snapshot: its whole state as of one journal mark, so open() loads it
 * and replays only the journal lines after the mark, instead of every line ever written.
 * The journal stays the source of truth: a snapshot that is missing, damaged, of another
 * format or of another journal is ignored (with a warning) and the journal replayed whole.
 *
 *   {"dyadSnapshot":3,"journal":{"end":<bytes>,"sha256":"<last covered line's checksum>"},
 *    "sections":[{"name":"<name>","type":"json"|"int32"|"uint8","bytes":<n>},…]}\n
 *   <each section's bytes, in order: JSON text, or a column's values little-endian>\n
 *   {"sha256":"<digest of every byte before this line>","sections":<count>}\n
 *
 * The claims and relations are columns (GraphState.snapshotSections), so a million claims
 * load as a few buffers, not a JSON value each. A snapshot is written to a temporary file,
 * fsynced, and then renamed over the previous one, so a crash leaves the old snapshot or the
 * new, never half; the closing digest still catches a file damaged later. The snapshots of
 * dyad before format 3 (snapshot.ndjson, a JSON line per record) are ignored with a warning.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { type JournalMark, markProblem, syncDirectory } from './journal.ts';

export const SNAPSHOT_FILE = 'snapshot.bin';
/** Where dyad kept its snapshot before format 3: ignored, with a warning, when it is there. */
export const FORMER_SNAPSHOT_FILE = 'snapshot.ndjson';
/** 3: claims and relations as columns of numbers. */
const FORMAT = 3;
const NEWLINE = 0x0a;
/** Bytes written before one turn of the event loop. */
const CHUNK = 8 * 2 ** 20;

/** One named part of a snapshot: a JSON value or a column. */
export type SnapshotSection = { name: string } & ({ json: unknown } | { column: Int32Array | Uint8Array });
/** A snapshot's sections by name, as written. */
export type Sections = Map<string, unknown>;

type SectionType = 'json' | 'int32' | 'uint8';

interface Header {
  dyadSnapshot: number;
  journal: JournalMark;
  sections: { name: string; type: SectionType; bytes: number }[];
}

/** A snapshot read back: its sections and the journal mark they cover up to. */
export interface LoadedSnapshot {
  mark: JournalMark;
  sections: Sections;
  bytes: number;
}

function encodeSection(section: SnapshotSection): { type: SectionType; data: Buffer } {
  if ('json' in section) return { type: 'json', data: Buffer.from(JSON.stringify(section.json)) };
  const { column } = section;
  return { type: column instanceof Int32Array ? 'int32' : 'uint8', data: Buffer.from(column.buffer, column.byteOffset, column.byteLength) };
}

/** Writes the store's sections as of `mark` to `path` atomically; returns its size in bytes. */
export async function writeSnapshot(path: string, sections: SnapshotSection[], mark: JournalMark): Promise<number> {
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w');
  const hash = createHash('sha256');
  let size = 0;
  const write = async (data: Buffer) => {
    for (let at = 0; at < data.length; at += CHUNK) {
      const chunk = data.subarray(at, at + CHUNK);
      hash.update(chunk);
      await handle.write(chunk);
      await yieldToEventLoop();
    }
    size += data.length;
  };
  try {
    const encoded = sections.map((section) => ({ name: section.name, ...encodeSection(section) }));
    const header: Header = {
      dyadSnapshot: FORMAT,
      journal: mark,
      sections: encoded.map(({ name, type, data }) => ({ name, type, bytes: data.length })),
    };
    await write(Buffer.from(`${JSON.stringify(header)}\n`));
    for (const { data } of encoded) await write(data);
    // The closing line is found as the one after the last newline.
    await write(Buffer.from('\n'));
    const trailer = Buffer.from(`${JSON.stringify({ sha256: hash.digest('hex'), sections: encoded.length })}\n`);
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

function decodeSection(type: SectionType, data: Buffer): unknown {
  if (type === 'json') return JSON.parse(data.toString('utf8'));
  // A copy, so the column is aligned and owns its memory (not a view of the whole file).
  const column = type === 'int32' ? new Int32Array(data.length / 4) : new Uint8Array(data.length);
  new Uint8Array(column.buffer).set(data);
  return column;
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
  let trailer: { sha256?: unknown; sections?: unknown };
  try {
    trailer = JSON.parse(data.toString('utf8', trailerStart));
  } catch {
    return { problem: 'the snapshot has no closing checksum' };
  }
  const body = data.subarray(0, trailerStart);
  if (trailer.sha256 !== createHash('sha256').update(body).digest('hex')) return { problem: 'the snapshot fails its checksum' };
  const headerEnd = body.indexOf(NEWLINE);
  let header: Partial<Header>;
  try {
    header = JSON.parse(body.toString('utf8', 0, headerEnd));
  } catch {
    return { problem: 'the snapshot has no header' };
  }
  if (header.dyadSnapshot !== FORMAT) return { problem: `the snapshot is of another format (${String(header.dyadSnapshot)}, this dyad reads ${FORMAT})` };
  const listed = header.sections ?? [];
  if (listed.length !== trailer.sections || headerEnd + 1 + listed.reduce((sum, s) => sum + s.bytes, 0) + 1 !== body.length)
    return { problem: 'the snapshot holds other sections than it says' };
  const sections: Sections = new Map();
  let at = headerEnd + 1;
  for (const { name, type, bytes } of listed) {
    sections.set(name, decodeSection(type, body.subarray(at, at + bytes)));
    at += bytes;
  }
  return { mark: header.journal!, sections, bytes: data.length };
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

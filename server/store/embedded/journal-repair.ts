/**
 * `dyad doctor` and `dyad repair` for the embedded journal. The doctor reads and reports:
 * every line that fails its checksum or is not a journal entry, and a torn tail. Repair
 * takes the journal's lock (so no server has it open), writes the damaged lines to a side
 * file beside the journal, then swaps in a journal of the good lines in their order;
 * nothing is deleted, only moved.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { removeSnapshot, SNAPSHOT_FILE } from './snapshot.ts';
import { JournalEntry } from './journal-entry.ts';
import { lockJournal } from './lock.ts';
import { scanJournal, syncDirectory } from './journal.ts';

export interface Diagnosis {
  journal: string;
  /** Complete lines that replay. */
  good: number;
  damaged: Array<{ line: number; problem: string }>;
  /** A last line without its newline: what a crash mid-append leaves (open() moves it aside). */
  torn?: { line: number; bytes: number };
}

export interface Repair extends Diagnosis {
  /** Where the damaged lines went; unset when there was nothing to move. */
  movedTo?: string;
}

/** Reads the journal at `path` and reports its damage; changes nothing. A missing journal is an empty one. */
export async function diagnoseJournal(path: string): Promise<Diagnosis> {
  return (await inspect(path)).diagnosis;
}

/** Moves every damaged line and a torn tail of the journal at `path` to a side file, keeping the good lines. */
export async function repairJournal(path: string): Promise<Repair> {
  const unlock = await lockJournal(path);
  try {
    const { data, diagnosis, goodRanges, badRanges } = await inspect(path);
    if (badRanges.length === 0) return diagnosis;
    const movedTo = `${path}.damaged-${Date.now()}`;
    // The damaged bytes are safe on disk before the journal changes.
    await writeFile(movedTo, Buffer.concat(badRanges.map(([s, e]) => data.subarray(s, e))), { flag: 'wx', flush: true });
    const next = `${path}.repair-${process.pid}`;
    await writeFile(next, Buffer.concat(goodRanges.map(([s, e]) => data.subarray(s, e))), { flush: true });
    await rename(next, path);
    // The snapshot was taken of the journal as it was; open() would detect that, but it goes now.
    await removeSnapshot(join(dirname(path), SNAPSHOT_FILE));
    await syncDirectory(dirname(path));
    return { ...diagnosis, movedTo };
  } finally {
    await unlock();
  }
}

async function inspect(path: string) {
  const data = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  });
  const scan = scanJournal(data);
  const damaged: Diagnosis['damaged'] = [];
  const goodRanges: Array<[number, number]> = [];
  const badRanges: Array<[number, number]> = [];
  for (const line of scan.lines) {
    const problem = line.problem ?? entryProblem(line.payload);
    if (problem) {
      damaged.push({ line: line.line, problem });
      badRanges.push([line.start, line.end]);
    } else {
      goodRanges.push([line.start, line.end]);
    }
  }
  if (scan.torn) badRanges.push([scan.torn.start, data.length]);
  const diagnosis: Diagnosis = {
    journal: path,
    good: goodRanges.length,
    damaged,
    ...(scan.torn ? { torn: { line: scan.torn.line, bytes: data.length - scan.torn.start } } : {}),
  };
  return { data, diagnosis, goodRanges, badRanges };
}

function entryProblem(payload: unknown): string | undefined {
  const parsed = JournalEntry.safeParse(payload);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `not a journal entry: ${issue.path.join('.') || 'entry'}: ${issue.message}`;
}

/** One line per finding, for the CLI. */
export function describeDiagnosis(d: Diagnosis): string[] {
  const name = basename(d.journal);
  return [
    ...d.damaged.map((x) => `${d.journal}:${x.line}: ${x.problem}`),
    ...(d.torn ? [`${d.journal}:${d.torn.line}: torn last entry (${d.torn.bytes} bytes without a newline; the next start moves it aside)`] : []),
    `${name}: ${d.good} good entries, ${d.damaged.length} damaged${d.torn ? ', a torn tail' : ''}`,
  ];
}

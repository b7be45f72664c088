import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput, StoreUnavailable } from '../../../server/errors.ts';
import { EmbeddedStore, JOURNAL_FILE } from '../../../server/store/embedded/index.ts';
import { decodeLine, encodeLine } from '../../../server/store/embedded/journal.ts';
import { bigDocument, OPINION, PAK, recordingLogger, renamed, seedActors, seedDocument, useScratchStores } from './fixtures.ts';

const WARN = 40;

const scratch = useScratchStores();
const dataDir = scratch.dataDir;
const journal = () => join(dataDir(), JOURNAL_FILE);

async function openStore() {
  const { store, records } = await scratch.open();
  return { store, warnings: () => records.filter((r) => r.level === WARN) };
}

/** Actors, PAK and OPINION written and closed; returns the journal's size after each line. */
async function writeSeeded(): Promise<number[]> {
  const { store } = await openStore();
  const sizes: number[] = [];
  await store.putActors(await seedActors());
  sizes.push((await stat(journal())).size);
  await store.putDocument(await seedDocument(PAK));
  sizes.push((await stat(journal())).size);
  await store.putDocument(await seedDocument(OPINION));
  sizes.push((await stat(journal())).size);
  await store.close();
  return sizes;
}

const ids = async (store: EmbeddedStore) => (await store.listDocuments()).map((d) => d.id);

describe('journal line format', () => {
  it('is JSON with a sha256 over the exact payload bytes', () => {
    const line = encodeLine({ op: 'actors', actors: [] });
    const parsed = JSON.parse(line.toString());
    expect(parsed.payload).toEqual({ op: 'actors', actors: [] });
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(decodeLine(line.subarray(0, -1))).toEqual({ payload: { op: 'actors', actors: [] } });
    const flipped = Buffer.from(line.subarray(0, -1).toString().replace('"actors":[]', '"actors":[ ]'));
    expect(decodeLine(flipped)).toBeUndefined();
  });
});

describe('EmbeddedStore crash recovery', () => {
  it('drops a torn last line, warns, truncates, and appends cleanly afterwards', async () => {
    const [, pakEnd, opinionEnd] = await writeSeeded();
    await truncate(journal(), pakEnd! + Math.floor((opinionEnd! - pakEnd!) / 2));

    const first = await openStore();
    expect(await ids(first.store)).toEqual([PAK]);
    expect((await first.store.getDocument(PAK)).text).toBe((await seedDocument(PAK)).document.text);
    expect(first.warnings()).toHaveLength(1);
    expect(first.warnings()[0]).toMatchObject({ journal: journal(), keptBytes: pakEnd });
    expect((await stat(journal())).size).toBe(pakEnd);

    expect(await first.store.putDocument(await seedDocument(OPINION))).toBe('created');
    await first.store.close();
    const second = await openStore();
    expect(await ids(second.store)).toEqual([PAK, OPINION]);
    expect(second.warnings()).toEqual([]);
  });

  it('drops a last line cut just before its newline', async () => {
    const [, pakEnd, opinionEnd] = await writeSeeded();
    await truncate(journal(), opinionEnd! - 1);
    const { store, warnings } = await openStore();
    expect(await ids(store)).toEqual([PAK]);
    expect(warnings()).toHaveLength(1);
    expect((await stat(journal())).size).toBe(pakEnd);
  });

  it('moves a torn tail of garbage aside and keeps every document', async () => {
    const sizes = await writeSeeded();
    const before = await readFile(journal());
    await appendFile(journal(), Buffer.from('{"sha256":"00ff","payload":{"op":"docu'));
    const { store, warnings } = await openStore();
    expect(await ids(store)).toEqual([PAK, OPINION]);
    expect((await store.findClaims({ limit: 100, offset: 0 })).total).toBe(7);
    expect(warnings()).toHaveLength(1);
    expect(await readFile(journal())).toEqual(before);
    expect(before.length).toBe(sizes.at(-1));
  });

  it('refuses a corrupt line in the middle, naming the file and line, and leaves the file alone', async () => {
    await writeSeeded();
    const lines = (await readFile(journal(), 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('TTP militants', 'TTP fighters');
    await writeFile(journal(), lines.join('\n'));
    const damaged = await readFile(journal());

    const store = new EmbeddedStore({ dataDir: dataDir(), logger: recordingLogger().logger });
    const error = await store.open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).where).toEqual({ file: journal(), line: 2 });
    expect(await readFile(journal())).toEqual(damaged);
    expect(await store.health()).toMatchObject({ reachable: false });
  });

  it('refuses a well-formed line whose entry is invalid, naming its line', async () => {
    await writeSeeded();
    const upsert = await seedDocument(PAK);
    const orphan = { ...upsert, actors: [], claims: [{ ...upsert.claims[0]!, subject: 'no-such-actor' }] };
    await appendFile(journal(), encodeLine({ op: 'document', ...orphan }));
    await appendFile(journal(), encodeLine({ op: 'rename', from: 'a', to: 'b' }));

    const error = await new EmbeddedStore({ dataDir: dataDir(), logger: recordingLogger().logger }).open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).where).toEqual({ file: journal(), line: 4 });
  });

  it('refuses a journal that another live process has open, and takes it over once that process is gone', async () => {
    const script = join(import.meta.dirname, 'kill-writer.ts');
    let attempt: Promise<unknown> | undefined;
    await runWriter(script, dataDir(), 'lock', (_committed, child) => {
      const intruder = new EmbeddedStore({ dataDir: dataDir(), logger: recordingLogger().logger });
      attempt ??= intruder.open().then(
        () => intruder,
        (error: unknown) => error,
      ).finally(() => child.kill('SIGKILL'));
    });
    expect(await attempt).toBeInstanceOf(StoreUnavailable);

    const { store } = await openStore();
    expect(await ids(store)).toContain('kill-lock-0');
    expect(await readFile(`${journal()}.lock`, 'utf8')).toBe(String(process.pid));
    await store.close();
    await expect(stat(`${journal()}.lock`)).rejects.toThrow();
  });

  it('survives SIGKILL mid-write: the journal stays readable and every document is whole', { timeout: 120_000 }, async () => {
    const script = join(import.meta.dirname, 'kill-writer.ts');
    const base = await bigDocument();
    let torn = 0;
    // At least three rounds, more (up to six) until one kill has landed mid-line.
    for (const round of ['a', 'b', 'c', 'd', 'e', 'f']) {
      if (round === 'd' && torn > 0) break;
      const committed = await killMidWrite(script, dataDir(), round);
      expect(committed.length).toBeGreaterThanOrEqual(2);
      if ((await readFile(journal())).at(-1) !== 0x0a) torn++;

      const { store } = await openStore();
      const documents = await store.listDocuments();
      const listed = documents.map((d) => d.id);
      for (const id of committed) expect(listed).toContain(id);
      for (const summary of documents) {
        const expected = renamed(base, summary.id);
        expect(summary).toMatchObject({ hash: expected.document.hash, length: expected.document.text.length, claims: 4 });
        expect((await store.getDocument(summary.id)).text).toBe(expected.document.text);
        const claims = await store.findClaims({ document: summary.id, limit: 10, offset: 0 });
        expect(claims.items.map((c) => c.id)).toEqual([...expected.claims].sort((a, b) => a.start - b.start).map((c) => c.id));
      }
      // Recovery left complete lines only, so the next round appends cleanly.
      expect((await readFile(journal())).at(-1)).toBe(0x0a);
      await store.close();
    }
    // The kill is aimed at a line in flight; it can miss (the write may finish first), not six times running.
    expect(torn).toBeGreaterThan(0);
  });
});

/** Sends SIGKILL once the writer has committed two documents and its next line is half on disk. */
function killMidWrite(script: string, data: string, round: string): Promise<string[]> {
  return runWriter(script, data, round, (committed, child) => {
    if (committed.length < 2 || child.killed) return;
    waitForLineInFlight(join(data, JOURNAL_FILE), Date.now() + 5_000);
    child.kill('SIGKILL');
  });
}

/**
 * Runs kill-writer.ts, calling `onCommit` with the ids committed so far after each batch of
 * output; resolves to those ids once the writer dies by SIGKILL.
 */
function runWriter(
  script: string,
  data: string,
  round: string,
  onCommit: (committed: string[], child: ChildProcess) => void,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, data, round], {
      cwd: join(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) committed.push(line.replace(/^committed /, ''));
      onCommit(committed, child);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

/** Spins (synchronously, so nothing delays the kill) until the file's last byte is not a newline, or the deadline. */
function waitForLineInFlight(path: string, deadline: number): void {
  const fd = openSync(path, 'r');
  const last = Buffer.alloc(1);
  try {
    while (Date.now() < deadline) {
      const { size } = fstatSync(fd);
      if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) return;
    }
  } finally {
    closeSync(fd);
  }
}

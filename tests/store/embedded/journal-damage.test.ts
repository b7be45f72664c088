/**
 * Each kind of journal damage (issue 14): CRLF line endings, a bit flip in a complete line
 * (the last or any other), a torn tail, and what `dyad doctor` and `dyad repair` make of them.
 * No damage may lose an acknowledged document without refusing to start.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../server/errors.ts';
import { JOURNAL_FILE } from '../../../server/store/embedded/index.ts';
import { diagnoseJournal, repairJournal } from '../../../server/store/embedded/journal-repair.ts';
import { cli } from '../../helpers/cli.ts';
import { OPINION, PAK, recordingLogger, seedActors, seedDocument, useScratchStores } from './fixtures.ts';
import { EmbeddedStore } from '../../../server/store/embedded/index.ts';

const scratch = useScratchStores();
const journal = () => join(scratch.dataDir(), JOURNAL_FILE);
const dyad = cli(() => ({ DYAD_DATA_DIR: scratch.dataDir(), NEO4J_URI: '' }));

async function writeSeeded(): Promise<void> {
  const { store } = await scratch.open();
  await store.putActors(await seedActors());
  await store.putDocument(await seedDocument(PAK));
  await store.putDocument(await seedDocument(OPINION));
  await store.close();
}

const refusal = (dataDir: string) =>
  new EmbeddedStore({ dataDir, logger: recordingLogger().logger }).open().then(
    () => undefined,
    (e: unknown) => e,
  );

/** Flips one bit inside the payload of line `n` (1-based), keeping its newline. */
async function flipBit(n: number): Promise<Buffer> {
  const lines = (await readFile(journal(), 'utf8')).split('\n');
  const line = lines[n - 1]!;
  const at = line.indexOf('"payload":') + 20;
  lines[n - 1] = line.slice(0, at) + String.fromCharCode(line.charCodeAt(at) ^ 0x01) + line.slice(at + 1);
  await writeFile(journal(), lines.join('\n'));
  return readFile(journal());
}

describe('a damaged journal', () => {
  it('with CRLF line endings opens with every document, and appends after it', async () => {
    await writeSeeded();
    await writeFile(journal(), (await readFile(journal(), 'utf8')).replaceAll('\n', '\r\n'));
    const { store, records } = await scratch.open();
    expect((await store.listDocuments()).map((d) => d.id)).toEqual([PAK, OPINION]);
    expect(records.filter((r) => r.level >= 40)).toEqual([]);
    const pak = await seedDocument(PAK);
    expect(await store.putDocument({ ...pak, document: { ...pak.document, title: 'Changed', hash: 'changed' } })).toBe('updated');
    await store.close();
    const again = await scratch.open();
    expect((await again.store.getDocument(PAK)).title).toBe('Changed');
  });

  it.each([3, 2])('with a bit flipped in complete line %i refuses to start, naming the line, and keeps the file', async (n) => {
    await writeSeeded();
    const damaged = await flipBit(n);
    const error = await refusal(scratch.dataDir());
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).where).toEqual({ file: journal(), line: n });
    expect(await readFile(journal())).toEqual(damaged);
  });

  it('with a torn tail opens, and the torn bytes are kept in a side file', async () => {
    await writeSeeded();
    const tail = Buffer.from('{"sha256":"ab12","payload":{"op":"document","docu');
    await writeFile(journal(), tail, { flag: 'a' });
    const { store, records } = await scratch.open();
    expect((await store.listDocuments()).map((d) => d.id)).toEqual([PAK, OPINION]);
    const warning = records.find((r) => r.level === 40)!;
    expect(await readFile(warning.movedTo as string)).toEqual(tail);
  });

  it('is reported by dyad doctor (exit 1, file and line) and dyad repair moves the damaged line aside, keeping the others', { timeout: 120_000 }, async () => {
    await writeSeeded();
    const good = await readFile(journal());
    expect(await dyad('doctor')).toMatchObject({ code: 0 });
    const lines = good.toString().split('\n');
    await flipBit(2);
    const before = await diagnoseJournal(journal());
    expect(before).toMatchObject({ good: 2, damaged: [{ line: 2 }] });

    const doctor = await dyad('doctor');
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toContain(`${journal()}:2:`);

    const repair = await dyad('repair');
    expect(repair.code, repair.stderr).toBe(0);
    const side = (await readdir(scratch.dataDir())).find((f) => f.startsWith(`${JOURNAL_FILE}.damaged-`))!;
    const moved = (await readFile(join(scratch.dataDir(), side), 'utf8')).split('\n');
    expect(moved).toHaveLength(2);
    expect(moved[0]).not.toBe(lines[1]);
    expect(moved[0]!.length).toBe(lines[1]!.length);
    expect((await readFile(journal(), 'utf8')).split('\n')).toEqual([lines[0], lines[2], '']);

    expect(await repairJournal(journal())).toEqual({ journal: journal(), good: 2, damaged: [] });
    const { store } = await scratch.open();
    expect((await store.listDocuments()).map((d) => d.id)).toEqual([OPINION]);
  });
});

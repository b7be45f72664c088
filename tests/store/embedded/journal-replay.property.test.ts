/**
 * Journal replay after a random truncation: whatever byte a crash cuts the journal at, the
 * store opens with exactly the entries whose lines were complete, and the journal is cut
 * back to them (the torn rest kept in a side file).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { beforeAll, describe, expect, test } from 'vitest';
import { EmbeddedStore, JOURNAL_FILE } from '../../../server/store/embedded/index.ts';
import { OPINION, PAK, renamed, seedActors, seedDocument, useScratchStores } from './fixtures.ts';

const quiet = pino({ level: 'silent' });
const scratch = useScratchStores();

describe('journal replay', () => {
  let journal: Buffer;
  /** [end offset of line, document id or undefined for the actors line]. */
  let lineEnds: Array<[number, string | undefined]>;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dyad-replay-'));
    const store = new EmbeddedStore({ dataDir: dir, logger: quiet });
    await store.open();
    await store.putActors(await seedActors());
    const ids: Array<string | undefined> = [undefined];
    const pak = await seedDocument(PAK);
    for (const upsert of [pak, await seedDocument(OPINION), renamed(pak, 'copy-1'), renamed(pak, 'copy-2')]) {
      await store.putDocument(upsert);
      ids.push(upsert.document.id);
    }
    await store.close();
    journal = await readFile(join(dir, JOURNAL_FILE));
    await rm(dir, { recursive: true, force: true });
    lineEnds = [];
    for (let at = journal.indexOf(0x0a), i = 0; at !== -1; at = journal.indexOf(0x0a, at + 1), i++) lineEnds.push([at + 1, ids[i]]);
  });

  test('after a cut at any byte opens with exactly the complete lines', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: journal.length }), async (cut) => {
        await rm(scratch.dataDir(), { recursive: true, force: true });
        await scratch.open().then(({ store }) => store.close());
        await writeFile(join(scratch.dataDir(), JOURNAL_FILE), journal.subarray(0, cut));
        const complete = lineEnds.filter(([end]) => end <= cut);
        const kept = complete.at(-1)?.[0] ?? 0;
        const { store } = await scratch.open();
        expect((await store.listDocuments()).map((d) => d.id).sort()).toEqual(complete.flatMap(([, id]) => id ?? []).sort());
        await store.close();
        expect(await readFile(join(scratch.dataDir(), JOURNAL_FILE))).toEqual(journal.subarray(0, kept));
        const aside = (await readdir(scratch.dataDir())).filter((f) => f.includes('.torn-'));
        expect(aside).toHaveLength(cut > kept ? 1 : 0);
      }),
      { numRuns: 20 },
    );
  });
});

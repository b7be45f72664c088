/**
 * The embedded store's snapshot (server/store/embedded/snapshot.ts): a store opened from a
 * snapshot plus the journal after it answers exactly as one that replays the whole journal;
 * a damaged, cut or foreign snapshot is ignored with a warning and the journal replayed.
 */
import { copyFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmbeddedStore, JOURNAL_FILE, SNAPSHOT_FILE } from '../../../server/store/embedded/index.ts';
import { describeSnapshot } from '../../../server/store/embedded/snapshot.ts';
import type { DocumentUpsert } from '../../../server/store/graph-store.ts';
import { addActor, createClaim, retractClaim } from '../../../server/store/claim-changes.ts';
import { OPINION, PAK, recordingLogger, renamed, seedActors, seedDocument, tempDir } from './fixtures.ts';

const WHOLE = { maxNodes: 100_000, maxEdges: 100_000 };

/** Everything a reader can see of a store. */
async function answers(store: EmbeddedStore) {
  return {
    health: await store.health(),
    documents: await store.listDocuments(),
    claims: await store.findClaims({ limit: 1000, offset: 0 }),
    graph: await store.graph({}, WHOLE),
    actors: await store.listActors({ sort: 'degree', limit: 1000, offset: 0 }),
    ttp: await store.getActor('ttp'),
    search: await store.searchActors('tal', { limit: 20 }),
  };
}

/** Opens a store on `dataDir`, snapshots at any size; returns it with its log records. */
async function openStore(dataDir: string) {
  const { logger, records } = recordingLogger();
  const store = new EmbeddedStore({ dataDir, logger, snapshotMinBytes: 0 });
  await store.open();
  return { store, records };
}

/** What a store answers when it replays the journal of `dataDir` alone (a copy without the snapshot). */
async function replayedAnswers(dataDir: string, scratch: string) {
  const copy = join(scratch, 'replay');
  await rm(copy, { recursive: true, force: true });
  await cp(dataDir, copy, { recursive: true });
  await rm(join(copy, SNAPSHOT_FILE), { force: true });
  const { store, records } = await openStore(copy);
  try {
    expect(records.find((r) => r.msg === 'embedded store opened')?.snapshotBytes).toBe(0);
    return await answers(store);
  } finally {
    // Closing would write a snapshot of the copy; it is thrown away with it.
    await store.close();
  }
}

/** `data` with one bit of byte `at` flipped. */
const flip = (data: Buffer, at: number) => Buffer.concat([data.subarray(0, at), Buffer.from([data[at]! ^ 1]), data.subarray(at + 1)]);

/** The offset of the middle of a snapshot's section, by the sizes its header line lists. */
function middleOf(data: Buffer, name: string): number {
  const headerEnd = data.indexOf('\n');
  const { sections } = JSON.parse(data.toString('utf8', 0, headerEnd)) as { sections: { name: string; bytes: number }[] };
  let at = headerEnd + 1;
  for (const section of sections) {
    if (section.name === name) return at + Math.floor(section.bytes / 2);
    at += section.bytes;
  }
  throw new Error(`no section ${name}`);
}

async function documents(): Promise<DocumentUpsert[]> {
  const pak = await seedDocument(PAK);
  const opinion = await seedDocument(OPINION);
  // The same document again with fewer claims: an update that drops a relation.
  const shorter = { ...pak, claims: pak.claims.slice(1), document: { ...pak.document, hash: `${pak.document.hash}-shorter` } };
  return [pak, opinion, renamed(pak, 'copy-1'), shorter, renamed(opinion, 'copy-2')];
}

describe('embedded snapshot', () => {
  it('is written at close, and a store opened from it and the journal tail answers as a full replay', async () => {
    const { dir, remove } = await tempDir();
    try {
      const dataDir = join(dir, 'data');
      const [pak, opinion, copy1, shorter, copy2] = await documents();
      let { store } = await openStore(dataDir);
      await store.putActors(await seedActors());
      await store.putDocuments([pak!, opinion!]);
      await store.close();
      // The snapshot as of two documents, kept aside while more are written after it.
      const early = join(dir, 'early-snapshot');
      await copyFile(join(dataDir, SNAPSHOT_FILE), early);
      ({ store } = await openStore(dataDir));
      await store.putDocument(copy1!);
      await store.putDocument(shorter!);
      await store.putDocument(copy2!);
      const live = await answers(store);
      await store.close();

      await copyFile(early, join(dataDir, SNAPSHOT_FILE));
      const journalBytes = (await readFile(join(dataDir, JOURNAL_FILE))).length;
      // What dyad doctor says of it: used, and how much of the journal follows it.
      expect(await describeSnapshot(join(dataDir, SNAPSHOT_FILE), join(dataDir, JOURNAL_FILE))).toMatch(
        new RegExp(`covers the journal's first (\\d+) bytes; open loads it and replays the (\\d+) bytes after them$`),
      );
      expect(journalBytes).toBeGreaterThan(0);
      const reopened = await openStore(dataDir);
      const opened = reopened.records.find((r) => r.msg === 'embedded store opened')!;
      expect(opened.snapshotBytes).toBeGreaterThan(0);
      expect(opened.replayed).toBe(3);
      const fromSnapshot = await answers(reopened.store);
      await reopened.store.close();

      expect(fromSnapshot).toEqual(live);
      expect(await replayedAnswers(dataDir, dir)).toEqual(live);
      // The close after the tail replay snapshotted it all: the next open replays nothing.
      const again = await openStore(dataDir);
      expect(again.records.find((r) => r.msg === 'embedded store opened')!.replayed).toBe(0);
      expect(await answers(again.store)).toEqual(live);
      await again.store.close();
    } finally {
      await remove();
    }
  });

  it("carries the analysts' work: history, retractions and added actors answer the same from the snapshot as from a replay", async () => {
    const { dir, remove } = await tempDir();
    try {
      const dataDir = join(dir, 'data');
      const [pak] = await documents();
      const { store } = await openStore(dataDir);
      await store.putActors(await seedActors());
      await store.putDocument(pak!);
      const analyst = { analyst: 'alice' };
      const actor = await addActor(store, { name: 'Snapshot Front', kind: 'group', aliases: ['SF'] });
      const [first, second] = (await store.findClaims({ documents: [pak!.document.id], limit: 2, offset: 0 })).items;
      const made = await createClaim(
        store,
        { document: first!.document, subject: actor.id, type: 'ALLIED_WITH', object: first!.subject.id, certainty: 'alleged', quote: first!.quote, start: first!.start, end: first!.end },
        analyst,
      );
      await retractClaim(store, second!.id, second!.revision, analyst);
      const work = async (s: EmbeddedStore) => ({
        answers: await answers(s),
        made: await s.claimHistory(made.id),
        retracted: await s.claimHistory(second!.id),
        added: await s.addedActors(),
      });
      const live = await work(store);
      expect(live.retracted.map((e) => e.action)).toEqual(['retract']);
      expect(live.added.map((a) => a.id)).toEqual([actor.id]);
      await store.close();

      const reopened = await openStore(dataDir);
      expect(reopened.records.find((r) => r.msg === 'embedded store opened')).toMatchObject({ replayed: 0 });
      expect(await work(reopened.store)).toEqual(live);
      await reopened.store.close();
      const copy = join(dir, 'replay');
      await cp(dataDir, copy, { recursive: true });
      await rm(join(copy, SNAPSHOT_FILE));
      const replayed = await openStore(copy);
      expect(await work(replayed.store)).toEqual(live);
      await replayed.store.close();
    } finally {
      await remove();
    }
  });

  it.each([
    ['a flipped byte in its header', (data: Buffer) => flip(data, 200)],
    ['a flipped byte in a section', (data: Buffer) => flip(data, data.lastIndexOf('\n', data.length - 2) - 100)],
    ["a flipped byte in the documents' texts", (data: Buffer) => flip(data, middleOf(data, 'documentTexts'))],
    ['of an earlier format', (data: Buffer) => Buffer.from(data.toString('latin1').replace('{"dyadSnapshot":4,', '{"dyadSnapshot":3,'), 'latin1')],
    ['cut short', (data: Buffer) => data.subarray(0, Math.floor(data.length / 2))],
    ['empty', () => Buffer.alloc(0)],
  ])('damaged or of another format (%s) is ignored with a warning and the journal replayed', async (_name, damage) => {
    const { dir, remove } = await tempDir();
    try {
      const dataDir = join(dir, 'data');
      const { store } = await openStore(dataDir);
      await store.putActors(await seedActors());
      for (const upsert of await documents()) await store.putDocument(upsert);
      const live = await answers(store);
      await store.close();
      const path = join(dataDir, SNAPSHOT_FILE);
      await writeFile(path, damage(await readFile(path)));

      expect(await describeSnapshot(path, join(dataDir, JOURNAL_FILE))).toMatch(/will be ignored \(the snapshot .*\); open replays the whole journal$/);
      const reopened = await openStore(dataDir);
      expect(reopened.records.find((r) => r.msg === 'snapshot ignored; replaying the whole journal')).toMatchObject({ level: 40 });
      expect(await answers(reopened.store)).toEqual(live);
      await reopened.store.close();
    } finally {
      await remove();
    }
  });

  it('of another journal is ignored with a warning and the journal replayed', async () => {
    const { dir, remove } = await tempDir();
    try {
      const [pak, opinion] = await documents();
      const a = join(dir, 'a');
      const b = join(dir, 'b');
      for (const [dataDir, upsert] of [
        [a, pak!],
        [b, opinion!],
      ] as const) {
        const { store } = await openStore(dataDir);
        await store.putActors(await seedActors());
        await store.putDocument(upsert);
        await store.close();
      }
      const { store: expected } = await openStore(b);
      const live = await answers(expected);
      await expected.close();
      await copyFile(join(a, SNAPSHOT_FILE), join(b, SNAPSHOT_FILE));

      const reopened = await openStore(b);
      expect(reopened.records.find((r) => r.msg.startsWith('snapshot ignored: it is not of this journal'))).toMatchObject({ level: 40 });
      expect(await answers(reopened.store)).toEqual(live);
      await reopened.store.close();
    } finally {
      await remove();
    }
  });

  it('is not written for a journal too small to be worth one', async () => {
    const { dir, remove } = await tempDir();
    try {
      const dataDir = join(dir, 'data');
      const store = new EmbeddedStore({ dataDir, logger: recordingLogger().logger });
      await store.open();
      await store.putActors(await seedActors());
      await store.close();
      await expect(readFile(join(dataDir, SNAPSHOT_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await readFile(join(dataDir, JOURNAL_FILE))).length).toBeGreaterThan(0);
    } finally {
      await remove();
    }
  });

  it('taken after any prefix of the writes, plus the journal after it, equals a full replay', { timeout: 300_000 }, async () => {
    const upserts = await documents();
    const actors = await seedActors();
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(upserts, { minLength: 1 }), fc.nat(), async (order, cut) => {
        const { dir, remove } = await tempDir();
        try {
          const dataDir = join(dir, 'data');
          const split = cut % (order.length + 1);
          let { store } = await openStore(dataDir);
          await store.putActors(actors);
          for (const upsert of order.slice(0, split)) await store.putDocument(upsert);
          await store.close();
          ({ store } = await openStore(dataDir));
          for (const upsert of order.slice(split)) await store.putDocument(upsert);
          const live = await answers(store);
          // A crash: the journal has the tail, the snapshot is the one from before it.
          const crashed = join(dir, 'crashed');
          await cp(dataDir, crashed, { recursive: true });
          await store.close();

          const reopened = await openStore(crashed);
          expect(reopened.records.find((r) => r.msg === 'embedded store opened')!.replayed).toBe(order.length - split);
          expect(await answers(reopened.store)).toEqual(live);
          await reopened.store.close();
          expect(await replayedAnswers(crashed, dir)).toEqual(live);
        } finally {
          await remove();
        }
      }),
      { numRuns: 8 },
    );
  });
});

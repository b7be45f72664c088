import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput, NotFound, StoreUnavailable } from '../../../server/errors.ts';
import { EmbeddedStore, JOURNAL_FILE } from '../../../server/store/embedded/index.ts';
import type { DocumentUpsert } from '../../../server/store/graph-store.ts';
import { CLAIMS, OPINION, PAK, recordingLogger, seedActors, seedDocument, useScratchStores } from './fixtures.ts';

const scratch = useScratchStores();
const dataDir = scratch.dataDir;
const journalSize = async () => (await stat(join(dataDir(), JOURNAL_FILE))).size;

async function openStore(): Promise<EmbeddedStore> {
  return (await scratch.open()).store;
}

async function seeded(): Promise<EmbeddedStore> {
  const store = await openStore();
  await store.putActors(await seedActors());
  await store.putDocument(await seedDocument(PAK));
  await store.putDocument(await seedDocument(OPINION));
  return store;
}

/** Everything a reader can see. */
async function snapshot(store: EmbeddedStore) {
  const documents = await store.listDocuments();
  return {
    health: await store.health(),
    documents,
    texts: await Promise.all(documents.map((d) => store.getDocument(d.id))),
    claims: await store.allClaims({}),
    ttp: await store.getActor('ttp'),
    search: await store.searchActors('taliban', { limit: 5 }),
  };
}

describe('EmbeddedStore journal', () => {
  it('creates the data directory and journal at open', async () => {
    await openStore();
    expect(await journalSize()).toBe(0);
  });

  it('replays the journal to the same state after reopen', async () => {
    const first = await seeded();
    const before = await snapshot(first);
    expect(before.health.counts).toMatchObject({ documents: 2, claims: 7 });
    await first.close();
    const second = await openStore();
    expect(await snapshot(second)).toEqual(before);
  });

  it('writes one line per putActors and one per document', async () => {
    await seeded();
    const lines = (await readFile(join(dataDir(), JOURNAL_FILE), 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const payloads = lines.slice(0, -1).map((l) => JSON.parse(l).payload);
    expect(payloads.map((p) => p.op)).toEqual(['actors', 'document', 'document']);
    expect(payloads[1].document.id).toBe(PAK);
    expect(payloads[1].claims).toHaveLength(CLAIMS[PAK]!.length);
    expect(payloads[1].actors.map((a: { id: string }) => a.id).sort()).toEqual(['afghan-taliban', 'afghanistan', 'al-qaeda', 'ttp']);
  });

  it('keeps, as document by document would, the last version of an actor two documents of a batch disagree on', async () => {
    const store = await openStore();
    await store.putActors(await seedActors());
    const pak = await seedDocument(PAK);
    const opinion = await seedDocument(OPINION);
    const renamed = pak.actors.map((a) => (a.id === 'ttp' ? { ...a, name: 'Renamed TTP' } : a));
    // The first names a changed ttp, the second the stored one: the stored one is named last.
    await store.putDocuments([{ ...pak, actors: renamed }, opinion], { prepared: true });
    expect((await store.getActor('ttp')).name).not.toBe('Renamed TTP');
    const before = await snapshot(store);
    await store.close();
    expect(await snapshot(await openStore())).toEqual(before);
  });

  it('is idempotent: the same document again is unchanged and writes nothing', async () => {
    const store = await seeded();
    const size = await journalSize();
    expect(await store.putDocument(await seedDocument(PAK))).toBe('unchanged');
    expect(await store.putActors(await seedActors())).toBe(0);
    expect(await journalSize()).toBe(size);
  });

  it('reports created, then updated, and replaces the previous claims', async () => {
    const store = await openStore();
    expect(await store.putDocument(await seedDocument(PAK))).toBe('created');
    const fewer = await seedDocument(PAK, CLAIMS[PAK]!.slice(1));
    expect(await store.putDocument(fewer)).toBe('updated');
    const check = async (s: EmbeddedStore) => {
      const { total, items } = await s.findClaims({ document: PAK, limit: 100, offset: 0 });
      expect(total).toBe(2);
      expect(items.map((c) => c.id)).toEqual([...fewer.claims].sort((a, b) => a.start - b.start).map((c) => c.id));
      expect((await s.getActor('ttp')).byType).toEqual({ SUPPORTS: 1 });
      expect((await s.listDocuments())[0]).toMatchObject({ id: PAK, claims: 2, hash: fewer.document.hash });
    };
    await check(store);
    await store.close();
    await check(await openStore());
  });

  it('rejects a document whose claim names an unknown actor, writing and changing nothing', async () => {
    const store = await seeded();
    const before = await snapshot(store);
    const size = await journalSize();
    const good = await seedDocument(PAK, CLAIMS[PAK]!.slice(0, 2));
    const bad: DocumentUpsert = {
      ...good,
      document: { ...good.document, hash: 'changed' },
      claims: [good.claims[0]!, { ...good.claims[1]!, object: 'no-such-actor' }],
    };
    await expect(store.putDocument(bad)).rejects.toBeInstanceOf(InvalidInput);
    expect(await journalSize()).toBe(size);
    expect(await snapshot(store)).toEqual(before);
  });

  it('rejects claims that fail the schema or belong to another document', async () => {
    const store = await seeded();
    const size = await journalSize();
    const good = await seedDocument(OPINION);
    const changed = { ...good.document, hash: 'changed' };
    const shortQuote = { ...good, document: changed, claims: [{ ...good.claims[0]!, end: good.claims[0]!.end - 1 }] };
    await expect(store.putDocument(shortQuote)).rejects.toBeInstanceOf(InvalidInput);
    const foreign = { ...good, document: changed, claims: [{ ...good.claims[0]!, document: PAK }] };
    await expect(store.putDocument(foreign)).rejects.toBeInstanceOf(InvalidInput);
    expect(await journalSize()).toBe(size);
    expect((await store.findClaims({ document: OPINION, limit: 100, offset: 0 })).total).toBe(CLAIMS[OPINION]!.length);
  });

  it('accepts a claim naming an actor the store already has, without the actor in the upsert', async () => {
    const store = await openStore();
    await store.putActors(await seedActors());
    const upsert = await seedDocument(PAK);
    expect(await store.putDocument({ ...upsert, actors: [] })).toBe('created');
  });

  it('refuses reads and writes before open', async () => {
    const store = new EmbeddedStore({ dataDir: dataDir(), logger: recordingLogger().logger });
    await expect(store.listDocuments()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.putActors(await seedActors())).rejects.toBeInstanceOf(StoreUnavailable);
    expect(await store.health()).toMatchObject({ store: 'embedded', reachable: false });
  });

  it('serialises concurrent writes', async () => {
    const store = await openStore();
    await store.putActors(await seedActors());
    const outcomes = await Promise.all([
      store.putDocument(await seedDocument(PAK)),
      store.putDocument(await seedDocument(OPINION)),
      store.putDocument(await seedDocument(PAK)),
    ]);
    expect(outcomes).toEqual(['created', 'created', 'unchanged']);
    await store.close();
    expect((await (await openStore()).listDocuments()).map((d) => d.id)).toEqual([PAK, OPINION]);
  });
});

describe('EmbeddedStore reads', () => {
  it('lists documents by id with claim counts and text length', async () => {
    const store = await seeded();
    const pak = await seedDocument(PAK);
    const list = await store.listDocuments();
    expect(list.map((d) => [d.id, d.claims])).toEqual([
      [PAK, 3],
      [OPINION, 4],
    ]);
    expect(list[0]).toMatchObject({ title: pak.document.title, reliability: 'C', length: pak.document.text.length });
    expect(list[0]).not.toHaveProperty('text');
    expect(await store.getDocument(PAK)).toEqual(pak.document);
    await expect(store.getDocument('nope')).rejects.toBeInstanceOf(NotFound);
  });

  it('finds actors by alias with the shared ranking and details an actor', async () => {
    const store = await seeded();
    const [hit] = await store.searchActors('iskp', { limit: 3 });
    expect(hit).toMatchObject({ id: 'is-k', matched: 'ISKP', score: 100 });
    expect(await store.searchActors('taliban', { kinds: ['group'], limit: 10 })).not.toContainEqual(
      expect.objectContaining({ id: 'afghan-taliban' }),
    );
    expect(await store.getActor('afghan-taliban')).toMatchObject({
      id: 'afghan-taliban',
      claims: 3,
      byType: { ALLIED_WITH: 1, SUPPORTS: 1, PRESSURES: 1 },
      byDocument: { [PAK]: 1, [OPINION]: 2 },
    });
    await expect(store.getActor('nobody')).rejects.toBeInstanceOf(NotFound);
  });

  it('finds claims by subject, object, actor, type and document, ordered and paged', async () => {
    const store = await seeded();
    const page = (q: object) => store.findClaims({ limit: 100, offset: 0, ...q });
    const all = await store.allClaims({});
    expect(all.map((c) => [c.document, c.start])).toEqual(
      [...all].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start)).map((c) => [c.document, c.start]),
    );
    expect((await page({ actor: 'ttp' })).total).toBe(3);
    expect((await page({ subject: 'ttp' })).total).toBe(1);
    expect((await page({ object: 'ttp', type: 'SUPPORTS' })).items.map((c) => c.subject.id)).toEqual(['al-qaeda', 'afghan-taliban']);
    expect((await page({ subject: 'afghan-taliban', object: 'al-qaeda' })).total).toBe(0);
    const pair = await page({ subject: 'afghan-taliban', object: 'al-qaeda', undirected: true });
    expect(pair.items.map((c) => [c.subject.id, c.type, c.object.id])).toEqual([['al-qaeda', 'ALLIED_WITH', 'afghan-taliban']]);
    expect((await page({ actor: 'ttp', document: OPINION })).items.map((c) => c.certainty)).toEqual(['denied']);
    const second = await store.findClaims({ limit: 2, offset: 2 });
    expect(second.total).toBe(7);
    expect(second.items.map((c) => c.id)).toEqual(all.slice(2, 4).map((c) => c.id));
  });

  it('expands claims into views with actors, title and grade', async () => {
    const store = await seeded();
    const { items } = await store.findClaims({ subject: 'tip', limit: 10, offset: 0 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      document: OPINION,
      documentTitle: (await store.getDocument(OPINION)).title,
      reliability: 'C',
      subject: { id: 'tip', kind: 'group' },
      object: { id: 'bla', kind: 'group' },
      certainty: 'alleged',
      origin: 'curated',
    });
    expect(items[0]!.subject).toEqual({ id: 'tip', name: expect.any(String), kind: 'group', aliases: expect.any(Array) });
  });

  it('applies claim filters in findClaims, allClaims and documentClaims', async () => {
    const store = await seeded();
    expect((await store.allClaims({ kinds: ['group'] })).map((c) => c.subject.id)).toEqual(['al-qaeda', 'tip']);
    expect((await store.allClaims({ origin: ['extracted'] })).map((c) => c.subject.id)).toEqual(['is-k']);
    expect((await store.allClaims({ from: '2025-09-24' })).map((c) => c.when)).toEqual(['2025', '2024/2025', '2025-09']);
    expect((await store.allClaims({ to: '2024-12' })).map((c) => c.when)).toEqual(['2024/2025']);
    expect(await store.allClaims({ reliability: 'B' })).toEqual([]);
    expect((await store.findClaims({ actor: 'ttp', certainty: ['denied', 'alleged'], limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.documentClaims([OPINION, OPINION], { kinds: ['group'] })).map((c) => `${c.subject.id} ${c.object.id}`)).toEqual(
      (await store.allClaims({ documents: [OPINION], kinds: ['group'] })).map((c) => `${c.subject.id} ${c.object.id}`),
    );
    expect(await store.documentClaims(['nobody'], {})).toEqual([]);
  });
});

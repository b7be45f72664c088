/**
 * The embedded store's held answers (server/store/read-cache.ts, revision bumped by every
 * write): a repeated question is answered from the cache (the very same object), and no held
 * answer survives a write of any kind — actors put, a document put or replaced, a claim
 * created, edited, reviewed or retracted, an actor added.
 */
import { describe, expect, test } from 'vitest';
import { ClaimQuery } from '../../../server/domain/index.ts';
import { addActor, createClaim, retractClaim, reviewClaim, updateClaim } from '../../../server/store/claim-changes.ts';
import type { EmbeddedStore } from '../../../server/store/embedded/index.ts';
import { CLAIMS, OPINION, PAK, seedActors, seedDocument, useScratchStores } from './fixtures.ts';

const analyst = { analyst: 'tester' };
const TIP_QUOTE = 'Uyghur militants linked to the TIP are assisting BLA cadres with drone know-how';

/** The cached questions, each asked twice: the second answer is the first, held. */
async function heldAnswers(store: EmbeddedStore) {
  const ask = () =>
    Promise.all([
      store.neighborhood('ttp', { depth: 2, limit: 25, filters: {} }),
      store.findClaims(ClaimQuery.parse({ limit: 50 })),
      store.graph({}, { maxNodes: 100, maxEdges: 100 }),
      store.paths('tip', 'bla', { maxLength: 3, k: 3, filters: {} }),
      store.searchActors('khorasan', { limit: 10 }),
    ]);
  const first = await ask();
  const again = await ask();
  again.forEach((answer, i) => expect(answer).toBe(first[i]));
  return { first, ask };
}

async function seeded(open: () => Promise<{ store: EmbeddedStore }>, opinion = CLAIMS[OPINION]!) {
  const { store } = await open();
  await store.putActors(await seedActors());
  await store.putDocuments([await seedDocument(PAK), await seedDocument(OPINION, opinion)]);
  return store;
}

describe('answers held until the next write', () => {
  const { open } = useScratchStores();

  test('a document put: its claims show at once', async () => {
    const { store } = await open();
    await store.putActors(await seedActors());
    await store.putDocument(await seedDocument(PAK));
    const { first } = await heldAnswers(store);
    await store.putDocument(await seedDocument(OPINION));
    const claims = await store.findClaims(ClaimQuery.parse({ limit: 50 }));
    expect(claims).not.toBe(first[1]);
    expect(claims.total).toBe(CLAIMS[PAK]!.length + CLAIMS[OPINION]!.length);
    expect((await store.paths('tip', 'bla', { maxLength: 3, k: 3, filters: {} })).edges.length).toBe(1);
  });

  test('holding none (DYAD_READ_CACHE=0): every question is answered afresh, the same', async () => {
    const { store } = await open({ heldAnswers: 0 });
    await store.putActors(await seedActors());
    await store.putDocument(await seedDocument(PAK));
    const ask = () => store.neighborhood('ttp', { depth: 2, limit: 25, filters: {} });
    const [first, again] = [await ask(), await ask()];
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  test('a document replaced: the claims it dropped leave', async () => {
    const store = await seeded(open);
    await heldAnswers(store);
    await store.putDocument(await seedDocument(OPINION, CLAIMS[OPINION]!.filter((c) => c.subject !== 'tip')));
    expect((await store.findClaims(ClaimQuery.parse({ limit: 50 }))).items.map((c) => c.subject)).not.toContain('tip');
    expect((await store.paths('tip', 'bla', { maxLength: 3, k: 3, filters: {} })).edges).toEqual([]);
  });

  test('actors put: a renamed actor shows its new name', async () => {
    const store = await seeded(open);
    await heldAnswers(store);
    const actors = await seedActors();
    await store.putActors(actors.map((a) => (a.id === 'ttp' ? { ...a, name: 'Renamed Movement' } : a)));
    const around = await store.neighborhood('ttp', { depth: 2, limit: 25, filters: {} });
    expect(around.nodes.find((n) => n.key === 'ttp')?.attributes.name).toBe('Renamed Movement');
  });

  test('an actor added: search finds it', async () => {
    const store = await seeded(open);
    await heldAnswers(store);
    await addActor(store, { name: 'Khorasan Watchers', kind: 'group' });
    expect((await store.searchActors('khorasan', { limit: 10 })).map((h) => h.id)).toContain('khorasan-watchers');
  });

  test('a claim created, edited, then retracted: each shows at once', async () => {
    const store = await seeded(open);
    const { ask } = await heldAnswers(store);
    const start = (await store.getDocument(OPINION)).text.indexOf(TIP_QUOTE);
    const draft = { document: OPINION, subject: 'tip', type: 'ALLIED_WITH' as const, object: 'bla', certainty: 'reported' as const, quote: TIP_QUOTE, start, end: start + TIP_QUOTE.length };
    const created = await createClaim(store, draft, analyst);
    const edges = async () => (await store.neighborhood('ttp', { depth: 2, limit: 25, filters: {} })).edges.length;
    const pathEdges = async () => (await store.paths('tip', 'bla', { maxLength: 3, k: 3, filters: {} })).edges.map((e) => e.key).sort();
    expect(await pathEdges()).toEqual(['bla|ALLIED_WITH|tip', 'tip|SUPPORTS|bla']);
    await ask();
    const edited = await updateClaim(store, created.id, { revision: created.revision, certainty: 'denied' }, analyst);
    const claims = await store.findClaims(ClaimQuery.parse({ actor: 'tip', limit: 10 }));
    expect(claims.items.find((c) => c.id === edited.id)?.certainty).toBe('denied');
    await ask();
    await retractClaim(store, edited.id, edited.revision, analyst);
    expect(await pathEdges()).toEqual(['tip|SUPPORTS|bla']);
    expect(await edges()).toBeGreaterThan(0);
  });

  test('a review: a rejected extracted claim leaves, an accepted one turns curated', async () => {
    const store = await seeded(open, CLAIMS[OPINION]!.map((c) => (c.subject === 'tip' ? { ...c, origin: 'extracted' as const } : c)));
    const { ask } = await heldAnswers(store);
    const claimsOf = async (actor: string) => (await store.findClaims(ClaimQuery.parse({ actor, limit: 10 }))).items;
    const [isk] = await claimsOf('is-k');
    expect(isk!.origin).toBe('extracted');
    await reviewClaim(store, isk!.id, { decision: 'accept', revision: isk!.revision }, analyst);
    expect((await claimsOf('is-k'))[0]!.origin).toBe('curated');
    await ask();
    const [tip] = await claimsOf('tip');
    await reviewClaim(store, tip!.id, { decision: 'reject', revision: tip!.revision }, analyst);
    expect(await claimsOf('tip')).toEqual([]);
    expect((await store.paths('tip', 'bla', { maxLength: 3, k: 3, filters: {} })).edges).toEqual([]);
  });
});

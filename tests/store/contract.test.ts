/**
 * The GraphStore contract, one suite run against both stores on the real seed corpus.
 * Filter cases take the shared predicate (server/store/claim-filter.ts) over every claim as
 * the oracle; the last suite asserts both stores answer the same queries identically.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimFilters, ClaimView, GraphFilters, SerializedGraph } from '../../server/domain/index.ts';
import { InvalidInput, NotFound } from '../../server/errors.ts';
import { loadIndex } from '../../server/ingest/ingest.ts';
import { checkSeeds } from '../../server/ingest/seed-dir.ts';
import { aggregate, serialize, splitFilters } from '../../server/graph/aggregate.ts';
import { claimMatches } from '../../server/store/claim-filter.ts';
import type { DocumentUpsert, GraphStore } from '../../server/store/graph-store.ts';
import { seedsDir, seedStore } from '../helpers/seed.ts';
import { GRAPH_FILTERS, graphReads, STORE_READS } from '../helpers/store-reads.ts';
import { type StoreCase, storeCases } from '../helpers/stores.ts';

/** The seed documents as ingest hands them to a store. */
async function seedUpserts(): Promise<DocumentUpsert[]> {
  const { documents } = await checkSeeds(seedsDir);
  return documents.flatMap((d) => (d.prepared.upsert ? [d.prepared.upsert] : []));
}

const evidenceKey = (c: ClaimView) => [c.document, c.start, c.id] as const;
const inEvidenceOrder = (claims: ClaimView[]) =>
  claims.every((c, i) => {
    if (i === 0) return true;
    const [d0, s0, id0] = evidenceKey(claims[i - 1]!);
    const [d1, s1, id1] = evidenceKey(c);
    return d0 < d1 || (d0 === d1 && (s0 < s1 || (s0 === s1 && id0 < id1)));
  });

/**
 * A claim's `when` as a day range of [year, month, day] triples, spelled out here rather
 * than taken from the code under test: a missing month or day widens to the period's ends.
 */
function dayRange(when: string): [number[], number[]] {
  const [a, b = a] = when.split('/') as [string, string?];
  const parts = (d: string) => d.split('-').map(Number);
  const lo = a === '..' ? [0, 1, 1] : [...parts(a), 1, 1].slice(0, 3);
  const hiParts = b === '..' ? [9999, 12, 31] : parts(b!);
  const hi = [hiParts[0]!, hiParts[1] ?? 12, hiParts[2] ?? 31];
  return [lo, hi];
}
const before = (x: number[], y: number[]) => x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
/** Dated and overlapping [from, to]. */
const overlaps = (c: ClaimView, from?: string, to?: string) => {
  if (!c.when) return false;
  const [lo, hi] = dayRange(c.when);
  return (to === undefined || before(lo, dayRange(to)[1]) <= 0) && (from === undefined || before(hi, dayRange(from)[0]) >= 0);
};

/**
 * One case per filter with its expected selection written out independently of
 * claimMatches (which the embedded store itself applies); each must select some claims
 * but not all (checked below).
 */
function filterCases(all: ClaimView[]): Array<[string, ClaimFilters, (c: ClaimView) => boolean]> {
  const first = all[0]!;
  return [
    ['documents', { documents: [first.document] }, (c) => c.document === first.document],
    ['types', { types: ['SUPPORTS', 'RIVAL_OF'] }, (c) => c.type === 'SUPPORTS' || c.type === 'RIVAL_OF'],
    ['certainty', { certainty: ['denied', 'alleged'] }, (c) => c.certainty === 'denied' || c.certainty === 'alleged'],
    ['kinds', { kinds: ['group'] }, (c) => c.subject.kind === 'group' && c.object.kind === 'group'],
    ['from', { from: '2024' }, (c) => overlaps(c, '2024')],
    ['to', { to: '2015-06' }, (c) => overlaps(c, undefined, '2015-06')],
    ['from and to', { from: '2021-08', to: '2023' }, (c) => overlaps(c, '2021-08', '2023')],
    ['reliability', { reliability: 'C' }, (c) => ['A', 'B', 'C'].includes(c.reliability)],
    [
      'combined',
      { types: ['SUPPORTS'], certainty: ['asserted', 'reported'], kinds: ['group', 'state'] },
      (c) =>
        c.type === 'SUPPORTS' &&
        (c.certainty === 'asserted' || c.certainty === 'reported') &&
        ['group', 'state'].includes(c.subject.kind) &&
        ['group', 'state'].includes(c.object.kind),
    ],
  ];
}

const WHOLE = { maxNodes: 100_000, maxEdges: 100_000 };

/** The oracle for a graph read: every claim the filters admit, aggregated by the shared code. */
function expectedGraph(all: ClaimView[], filters: GraphFilters): SerializedGraph {
  const { claimFilters, thresholds } = splitFilters(filters);
  const graph = serialize(aggregate(all.filter((c) => claimMatches(c, claimFilters)), thresholds));
  return { ...graph, attributes: { ...graph.attributes, totalNodes: graph.nodes.length, totalEdges: graph.edges.length } };
}

const withStore = (c: StoreCase) => (c.skip ? describe.skip : describe);

describe.each(storeCases)('GraphStore contract: $name', (storeCase) => {
  withStore(storeCase)(`on the seed corpus${storeCase.skip ? ` (skipped: ${storeCase.skip})` : ''}`, () => {
    let store: GraphStore;
    let all: ClaimView[];
    let seeded: Awaited<ReturnType<typeof seedStore>>;

    beforeAll(async () => {
      store = await storeCase.open();
      seeded = await seedStore(store);
      all = await store.allClaims({});
    });
    afterAll(() => store?.close());

    it('counts documents, actors and claims', async () => {
      const gazetteer = await loadIndex(seedsDir);
      expect(seeded.created).toBe(seeded.documents);
      expect(await store.health()).toEqual({
        store: storeCase.name,
        reachable: true,
        counts: { documents: seeded.documents, actors: gazetteer.actors.length, claims: seeded.claims },
      });
      expect(all).toHaveLength(seeded.claims);
      expect(all.length).toBeGreaterThan(50);
    });

    it('ingests the same corpus again as unchanged, writing nothing', async () => {
      const before = await store.health();
      const again = await seedStore(store);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: seeded.documents, actorsChanged: 0 });
      expect(await store.health()).toEqual(before);
      expect(await store.allClaims({})).toEqual(all);
    });

    it('lists documents by id with claim counts and text length', async () => {
      const documents = await store.listDocuments();
      expect(documents.map((d) => d.id)).toEqual([...documents.map((d) => d.id)].sort());
      expect(documents).toHaveLength(seeded.documents);
      for (const summary of documents) {
        const record = await store.getDocument(summary.id);
        expect(summary).toEqual({
          ...Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'text' && k !== 'body')),
          claims: all.filter((c) => c.document === summary.id).length,
          length: record.text.length,
        });
        expect(record.body.length).toBeGreaterThan(0);
        for (const claim of all.filter((c) => c.document === summary.id)) {
          expect(record.text.slice(claim.start, claim.end)).toBe(claim.quote);
        }
      }
      await expect(store.getDocument('no-such-document')).rejects.toBeInstanceOf(NotFound);
    });

    it('names the ids that are no stored document, in their order, asked twice alike', async () => {
      const [first, second] = (await store.listDocuments()).map((d) => d.id);
      const ids = ['no-such-document', first!, 'nor-this', second!, first!];
      expect(await store.missingDocuments(ids)).toEqual(['no-such-document', 'nor-this']);
      expect(await store.missingDocuments(ids)).toEqual(['no-such-document', 'nor-this']);
      expect(await store.missingDocuments([first!])).toEqual([]);
    });

    it('searches actors by alias, accent-insensitively, with a kinds filter', async () => {
      const iskp = await store.searchActors('iskp', { limit: 5 });
      expect(iskp[0]).toMatchObject({ id: 'is-k', matched: 'ISKP', score: 100 });
      expect((await store.searchActors('tehreek', { limit: 10 })).map((h) => h.id)).toContain('ttp');
      expect((await store.searchActors('tehrik e taliban', { limit: 3 }))[0]?.id).toBe('ttp');
      const plain = await store.searchActors('Turkiye', { limit: 3 });
      expect(plain[0]?.id).toBe('turkey');
      expect(await store.searchActors('TÜRKİYE', { limit: 3 })).toEqual(plain);
      expect(await store.searchActors('Republic of Türk', { limit: 3 })).toEqual(await store.searchActors('republic of turk', { limit: 3 }));
      const states = await store.searchActors('pakistan', { kinds: ['state'], limit: 20 });
      expect(states.length).toBeGreaterThan(0);
      expect(states.every((h) => h.kind === 'state')).toBe(true);
      expect((await store.searchActors('pakistan', { limit: 20 })).some((h) => h.kind !== 'state')).toBe(true);
      expect(await store.searchActors('  --  ', { limit: 5 })).toEqual([]);
      expect(await store.searchActors('zzqx', { limit: 5 })).toEqual([]);
    });

    it('describes an actor with counts by type and document', async () => {
      const ttp = await store.getActor('ttp');
      const touching = all.filter((c) => c.subject.id === 'ttp' || c.object.id === 'ttp');
      expect(ttp).toMatchObject({ id: 'ttp', kind: 'group', claims: touching.length });
      expect(ttp.aliases).toContain('TTP');
      expect(touching.length).toBeGreaterThan(3);
      expect(Object.values(ttp.byType).reduce((a, b) => a + b, 0)).toBe(touching.length);
      expect(Object.values(ttp.byDocument).reduce((a, b) => a + b, 0)).toBe(touching.length);
      for (const [document, count] of Object.entries(ttp.byDocument))
        expect(count).toBe(touching.filter((c) => c.document === document).length);
      await expect(store.getActor('no-such-actor')).rejects.toBeInstanceOf(NotFound);
    });

    it('returns every claim in evidence order (document, start, id)', () => {
      expect(inEvidenceOrder(all)).toBe(true);
      expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    });

    it('applies each claim filter as its rule says', async () => {
      for (const [name, filters, admits] of filterCases(all)) {
        const expected = all.filter(admits);
        expect(expected.length, `${name} selects some claims`).toBeGreaterThan(0);
        expect(expected.length, `${name} leaves some out`).toBeLessThan(all.length);
        expect(await store.allClaims(filters), name).toEqual(expected);
        const page = await store.findClaims({ ...filters, limit: 1000, offset: 0 });
        expect(page, name).toEqual({ total: expected.length, items: expected });
      }
      // The seed claims are all curated: origin selects all or nothing.
      expect(await store.allClaims({ origin: ['curated', 'extracted'] })).toEqual(all);
      expect(await store.allClaims({ origin: ['extracted'] })).toEqual(all.filter((c) => c.origin === 'extracted'));
      expect(await store.allClaims({ documents: [] })).toEqual([]);
    }, 120_000); // each filter shape is a new plan of claims.cypher on Neo4j: seconds apiece on a loaded machine

    it('finds claims by subject, object, actor, type and document, directed or not', async () => {
      // A pair of actors with claims in both directions.
      const pair = all.find((c) => c.subject.id !== c.object.id && all.some((r) => r.subject.id === c.object.id && r.object.id === c.subject.id))!;
      expect(pair).toBeDefined();
      const [a, b] = [pair.subject.id, pair.object.id];
      const query = { subject: a, object: b, limit: 1000, offset: 0 };
      const directed = all.filter((c) => c.subject.id === a && c.object.id === b);
      expect((await store.findClaims(query)).items).toEqual(directed);
      const either = all.filter((c) => (c.subject.id === a && c.object.id === b) || (c.subject.id === b && c.object.id === a));
      expect(either.length).toBeGreaterThan(directed.length);
      expect((await store.findClaims({ subject: a, undirected: true, limit: 1000, offset: 0 })).items).toEqual(
        all.filter((c) => c.subject.id === a || c.object.id === a),
      );
      expect((await store.findClaims({ ...query, undirected: true })).items).toEqual(either);
      expect((await store.findClaims({ subject: 'ttp', limit: 1000, offset: 0 })).items).toEqual(all.filter((c) => c.subject.id === 'ttp'));
      expect((await store.findClaims({ object: 'ttp', limit: 1000, offset: 0 })).items).toEqual(all.filter((c) => c.object.id === 'ttp'));
      expect((await store.findClaims({ actor: 'ttp', type: 'SUPPORTS', limit: 1000, offset: 0 })).items).toEqual(
        all.filter((c) => (c.subject.id === 'ttp' || c.object.id === 'ttp') && c.type === 'SUPPORTS'),
      );
      expect((await store.findClaims({ document: pair.document, certainty: ['denied'], limit: 1000, offset: 0 })).items).toEqual(
        all.filter((c) => c.document === pair.document && c.certainty === 'denied'),
      );
    }, 120_000); // as above: a plan per selection shape

    it('pages through the evidence', async () => {
      const pages: ClaimView[] = [];
      for (let offset = 0; offset < all.length; offset += 7) {
        const page = await store.findClaims({ limit: 7, offset });
        expect(page.total).toBe(all.length);
        expect(page.items.length).toBe(Math.min(7, all.length - offset));
        pages.push(...page.items);
      }
      expect(pages).toEqual(all);
      expect(await store.findClaims({ limit: 5, offset: all.length })).toEqual({ total: all.length, items: [] });
    });

    it('serves the graph a filter set admits, the same as aggregating the admitted claims', async () => {
      for (const filters of [...GRAPH_FILTERS, { documents: [all[0]!.document] }, { documents: [all[0]!.document], minClaims: 2 }]) {
        const expected = expectedGraph(all, filters);
        expect(expected.edges.length, JSON.stringify(filters)).toBeGreaterThan(0);
        expect(await store.graph(filters, WHOLE), JSON.stringify(filters)).toEqual(expected);
      }
      expect((await store.graph({ documents: [] }, WHOLE)).edges).toEqual([]);
    });

    it('bounds the whole graph to an overview: the most corroborated relations among the best-connected actors', async () => {
      const whole = expectedGraph(all, {});
      const bounds = { maxNodes: 8, maxEdges: 6 };
      const overview = await store.graph({}, bounds);
      expect(overview.attributes).toEqual({
        truncated: true,
        totalNodes: whole.nodes.length,
        totalEdges: whole.edges.length,
        omittedNodes: whole.nodes.length - overview.nodes.length,
        omittedEdges: whole.edges.length - overview.edges.length,
      });
      expect(overview.edges).toHaveLength(bounds.maxEdges);
      expect(overview.nodes.length).toBeLessThanOrEqual(bounds.maxNodes);
      // The best-connected: most claims over all relations, ties by id.
      const best = [...whole.nodes].sort((a, b) => b.attributes.claims - a.attributes.claims || (a.key < b.key ? -1 : 1)).slice(0, bounds.maxNodes);
      const bestIds = new Set(best.map((n) => n.key));
      const among = whole.edges.filter((e) => bestIds.has(e.source) && bestIds.has(e.target));
      const rank = (e: (typeof among)[number]) => [e.attributes.supporting, e.attributes.claims] as const;
      const kept = new Set(overview.edges.map((e) => e.key));
      for (const edge of overview.edges) expect(among.map((e) => e.key)).toContain(edge.key);
      const weakestKept = Math.min(...overview.edges.map((e) => rank(e)[0] * 1000 + rank(e)[1]));
      for (const edge of among.filter((e) => !kept.has(e.key))) expect(rank(edge)[0] * 1000 + rank(edge)[1]).toBeLessThanOrEqual(weakestKept);
      // A filtered overview is bounded the same way, and its totals are the filtered graph's.
      const filtered = await store.graph({ types: ['SUPPORTS', 'ACCUSES'] }, { maxNodes: 3, maxEdges: 2 });
      const filteredWhole = expectedGraph(all, { types: ['SUPPORTS', 'ACCUSES'] });
      expect(filtered.edges.length).toBeLessThanOrEqual(2);
      expect(filtered.attributes).toMatchObject({ truncated: true, totalEdges: filteredWhole.edges.length, totalNodes: filteredWhole.nodes.length });
    });

    it('caps a neighbourhood per node and counts what it left out', async () => {
      const whole = expectedGraph(all, {});
      const degree = (id: string) => whole.edges.filter((e) => e.source === id || e.target === id).length;
      const hub = [...whole.nodes].sort((a, b) => degree(b.key) - degree(a.key) || (a.key < b.key ? -1 : 1))[0]!.key;
      const open = await store.neighborhood(hub, { depth: 1, limit: 500, filters: {} });
      const around = whole.edges.filter((e) => e.source === hub || e.target === hub);
      expect(open.edges.map((e) => e.key).sort()).toEqual(around.map((e) => e.key).sort());
      expect(open.attributes).toEqual({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
      const capped = await store.neighborhood(hub, { depth: 1, limit: 3, filters: {} });
      expect(capped.nodes).toHaveLength(4);
      expect(capped.attributes).toEqual({
        truncated: true,
        omittedNodes: open.nodes.length - 4,
        omittedEdges: open.edges.length - capped.edges.length,
      });
      for (const depth of [2, 3]) {
        const deep = await store.neighborhood(hub, { depth, limit: 3, filters: {} });
        expect(deep.nodes.length).toBeLessThanOrEqual(1 + 3 + 9 + (depth === 3 ? 27 : 0));
        expect(deep.attributes.truncated).toBe(true);
      }
      // At most maxEdges relations: every one that brought an actor in, then the strongest others.
      const wide = await store.neighborhood(hub, { depth: 2, limit: 3, filters: {} });
      const tree = await store.neighborhood(hub, { depth: 2, limit: 3, maxEdges: 1, filters: {} });
      expect(tree.nodes.map((n) => n.key)).toEqual(wide.nodes.map((n) => n.key));
      // One relation per actor brought in (two when two actors of a ring brought it in at once).
      expect(tree.edges.length).toBeGreaterThanOrEqual(wide.nodes.length - 1);
      expect(tree.edges.every((e) => wide.edges.some((w) => w.key === e.key))).toBe(true);
      expect(tree.edges.length).toBeLessThan(wide.edges.length);
      expect(tree.attributes).toEqual({ ...wide.attributes, omittedEdges: wide.attributes.omittedEdges + wide.edges.length - tree.edges.length });
      const wider = await store.neighborhood(hub, { depth: 2, limit: 3, maxEdges: tree.edges.length + 1, filters: {} });
      const added = wider.edges.filter((e) => !tree.edges.some((t) => t.key === e.key));
      const strongest = wide.edges.filter((e) => !tree.edges.some((t) => t.key === e.key)).sort((a, b) => b.attributes.claims - a.attributes.claims || (a.key < b.key ? -1 : 1))[0];
      expect(added.map((e) => e.key)).toEqual(strongest ? [strongest.key] : []);
      const lonely = await store.neighborhood(hub, { depth: 2, limit: 5, filters: { documents: ['no-such-document'] } });
      expect(lonely.nodes.map((n) => n.key)).toEqual([hub]);
      await expect(store.neighborhood('no-such-actor', { depth: 1, limit: 5, filters: {} })).rejects.toBeInstanceOf(NotFound);
    });

    it('finds the shortest paths between two actors, direction ignored', async () => {
      const pair = all.find((c) => c.subject.id === 'ttp' || c.object.id === 'ttp')!;
      const direct = await store.paths(pair.subject.id, pair.object.id, { maxLength: 3, k: 5, filters: {} });
      expect(direct.nodes.map((n) => n.key).sort()).toEqual([pair.subject.id, pair.object.id].sort());
      const reverse = await store.paths(pair.object.id, pair.subject.id, { maxLength: 3, k: 5, filters: {} });
      expect(reverse.edges).toEqual(direct.edges);
      const far = await store.paths('ttp', 'russia', { maxLength: 6, k: 2, filters: {} });
      expect(far.nodes.map((n) => n.key)).toEqual(expect.arrayContaining(['ttp', 'russia']));
      expect((await store.paths('ttp', 'russia', { maxLength: 1, k: 2, filters: {} })).edges).toEqual([]);
      await expect(store.paths('ttp', 'ttp', { maxLength: 3, k: 1, filters: {} })).rejects.toBeInstanceOf(InvalidInput);
      await expect(store.paths('ttp', 'no-such-actor', { maxLength: 3, k: 1, filters: {} })).rejects.toBeInstanceOf(NotFound);
    });

    it('gives the claims of some documents, filtered', async () => {
      const [a, b] = [...new Set(all.map((c) => c.document))] as [string, string];
      expect(await store.documentClaims([b, a], {})).toEqual(all.filter((c) => c.document === a || c.document === b));
      expect(await store.documentClaims([a], { certainty: ['denied'] })).toEqual(all.filter((c) => c.document === a && c.certainty === 'denied'));
      expect(await store.documentClaims(['no-such-document'], {})).toEqual([]);
    });

    it('counts each search hit’s claims', async () => {
      for (const hit of await store.searchActors('taliban', { limit: 10 }))
        expect(hit.claims, hit.id).toBe(all.filter((c) => c.subject.id === hit.id || c.object.id === hit.id).length);
    });
  });

  withStore(storeCase)('writes', () => {
    let store: GraphStore;
    let upserts: DocumentUpsert[];

    beforeAll(async () => {
      upserts = await seedUpserts();
    });
    afterAll(() => store?.close());

    it('replaces a document’s claims on update, atomically per document', async () => {
      store = await storeCase.open();
      const [first, second] = upserts as [DocumentUpsert, DocumentUpsert];
      expect(await store.putDocument(first)).toBe('created');
      expect(await store.putDocument(second)).toBe('created');
      expect(await store.putDocument(first)).toBe('unchanged');
      const secondClaims = await store.findClaims({ document: second.document.id, limit: 1000, offset: 0 });

      // An update keeps every other claim of the document and drops one.
      const kept = first.claims.slice(1);
      const updated = { ...first, document: { ...first.document, hash: `${first.document.hash}-edited` }, claims: kept };
      expect(await store.putDocument(updated)).toBe('updated');
      const after = await store.findClaims({ document: first.document.id, limit: 1000, offset: 0 });
      expect(after.items.map((c) => c.id).sort()).toEqual(kept.map((c) => c.id).sort());
      expect(await store.findClaims({ document: second.document.id, limit: 1000, offset: 0 })).toEqual(secondClaims);
      // The relations kept at write time follow the update, dropped claims and all.
      expect(await store.graph({}, WHOLE)).toEqual(expectedGraph(await store.allClaims({}), {}));
      const emptied = { ...second, document: { ...second.document, hash: `${second.document.hash}-emptied` }, claims: [] };
      expect(await store.putDocument(emptied)).toBe('updated');
      expect(await store.graph({}, WHOLE)).toEqual(expectedGraph(await store.allClaims({}), {}));
      expect(await store.putDocument({ ...second, document: { ...second.document, hash: `${second.document.hash}-back` } })).toBe('updated');

      // A document whose last claim names an unknown actor is rejected whole: nothing changes.
      const before = { health: await store.health(), claims: await store.allClaims({}), document: await store.getDocument(first.document.id) };
      const unknownEnd = { ...kept.at(-1)!, id: 'claim-to-nowhere', object: 'no-such-actor' };
      const bad = { ...updated, document: { ...updated.document, title: 'rewritten', hash: 'another-hash' }, claims: [...kept, unknownEnd] };
      await expect(store.putDocument(bad)).rejects.toBeInstanceOf(InvalidInput);
      const stolen = { ...updated, document: { ...updated.document, hash: 'a-third-hash' }, claims: [{ ...kept[0]!, document: second.document.id }] };
      await expect(store.putDocument(stolen)).rejects.toBeInstanceOf(InvalidInput);
      const taken = { ...second, document: { ...second.document, hash: 'x' }, claims: [{ ...kept[0]!, document: second.document.id }] };
      await expect(store.putDocument(taken)).rejects.toBeInstanceOf(InvalidInput);
      const malformed = { ...updated, document: { ...updated.document, hash: 'y' }, claims: [{ ...kept[0]!, end: kept[0]!.end + 1 }] };
      await expect(store.putDocument(malformed)).rejects.toBeInstanceOf(InvalidInput);
      expect({ health: await store.health(), claims: await store.allClaims({}), document: await store.getDocument(first.document.id) }).toEqual(before);

      // A new document that fails leaves no trace either.
      const third = upserts[2]!;
      const badNew = { ...third, claims: [...third.claims, { ...third.claims[0]!, id: 'new-to-nowhere', subject: 'no-such-actor' }] };
      await expect(store.putDocument(badNew)).rejects.toBeInstanceOf(InvalidInput);
      await expect(store.getDocument(third.document.id)).rejects.toBeInstanceOf(NotFound);
      expect(await store.health()).toEqual(before.health);
    });

    it('puts a batch of documents, or none of it when one is bad', async () => {
      store = await storeCase.open();
      const [first, second, third] = upserts as [DocumentUpsert, DocumentUpsert, DocumentUpsert];
      const badThird = { ...third, claims: [...third.claims, { ...third.claims[0]!, id: 'batch-to-nowhere', object: 'no-such-actor' }] };
      await expect(store.putDocuments([first, second, badThird])).rejects.toBeInstanceOf(InvalidInput);
      await expect(store.putDocuments([first, first])).rejects.toBeInstanceOf(InvalidInput);
      expect((await store.health()).counts?.documents).toBe(0);
      expect(await store.putDocuments([first, second])).toEqual(['created', 'created']);
      const edited = { ...first, document: { ...first.document, hash: `${first.document.hash}-batch` } };
      expect(await store.putDocuments([edited, second, third])).toEqual(['updated', 'unchanged', 'created']);
      expect((await store.health()).counts?.documents).toBe(3);
      expect(await store.graph({}, WHOLE)).toEqual(expectedGraph(await store.allClaims({}), {}));
    });

    it('creates a document once when the same new document is put concurrently', async () => {
      store = await storeCase.open();
      const [first] = upserts as [DocumentUpsert];
      const outcomes = await Promise.all(Array.from({ length: 32 }, () => store.putDocument(first)));
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'unchanged')).toHaveLength(31);
      expect((await store.health()).counts).toMatchObject({ documents: 1, claims: first.claims.length });
    });

    it('puts many documents in one batch as one by one would', async () => {
      store = await storeCase.open();
      expect(await store.putDocuments(upserts)).toEqual(upserts.map(() => 'created'));
      const batched = { claims: await store.allClaims({}), graph: await store.graph({}, WHOLE), documents: await store.listDocuments() };
      await store.close();
      store = await storeCase.open();
      for (const upsert of upserts) await store.putDocument(upsert);
      expect({ claims: await store.allClaims({}), graph: await store.graph({}, WHOLE), documents: await store.listDocuments() }).toEqual(batched);
      expect(await store.putDocuments(upserts)).toEqual(upserts.map(() => 'unchanged'));
    });

    it('counts actors that changed, and only those', async () => {
      store ??= await storeCase.open();
      const actors = (await loadIndex(seedsDir)).actors;
      await store.putActors(actors);
      expect(await store.putActors(actors)).toBe(0);
      const ttp = actors.find((a) => a.id === 'ttp')!;
      expect(await store.putActors([{ ...ttp, aliases: [...ttp.aliases, 'Tehreek-e-Taliban'] }])).toBe(1);
      expect((await store.searchActors('Tehreek-e-Taliban', { limit: 1 }))[0]).toMatchObject({ id: 'ttp', score: 100 });
      expect(await store.putActors([{ ...ttp, kind: 'organization' }])).toBe(1);
      expect((await store.getActor('ttp')).kind).toBe('organization');
      await expect(store.putActors([ttp, ttp])).rejects.toBeInstanceOf(InvalidInput);
    });
  });
});

const [embeddedCase, neo4jCase] = storeCases as [StoreCase, StoreCase];

(neo4jCase.skip ? describe.skip : describe)('both stores answer alike', () => {
  const stores: GraphStore[] = [];
  beforeAll(async () => {
    for (const c of [embeddedCase, neo4jCase]) {
      const store = await c.open();
      stores.push(store);
      await seedStore(store);
    }
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
  });

  const both = async <T>(query: (store: GraphStore) => Promise<T>): Promise<[T, T]> => [await query(stores[0]!), await query(stores[1]!)];

  it('returns identical documents, actors, searches and claims', async () => {
    for (const [name, query] of STORE_READS) {
      const [embedded, neo4j] = await both(query);
      expect(neo4j, name).toEqual(embedded);
    }
  });

  it('returns identical graphs, overviews, neighbourhoods and paths', async () => {
    for (const [name, query] of graphReads()) {
      const [embedded, neo4j] = await both(query);
      expect(neo4j, name).toEqual(embedded);
    }
  }, 180_000); // some forty reads on each store: slow on a loaded 2-core machine
});

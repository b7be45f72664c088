/** Every read route over HTTP (fastify.inject), on the seed corpus, against both stores. */
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ActorDetail,
  type ActorHit,
  type ClaimPage,
  type CompareResult,
  CompareSide,
  type DocumentDetail,
  type DocumentSummary,
  type SerializedGraph,
  type StoreHealth,
} from '../../server/domain/index.ts';
import { storeCases } from '../helpers/stores.ts';
import { getJson, type Served, serveSeeds } from './app-fixture.ts';

describe.each(storeCases)('read routes: $name store', (storeCase) => {
  (storeCase.skip ? describe.skip : describe)(storeCase.skip ? `skipped: ${storeCase.skip}` : 'on the seeds', () => {
    let served: Served;
    let all: SerializedGraph;
    let documents: DocumentSummary[];
    beforeAll(async () => {
      served = await serveSeeds(storeCase);
      all = await getJson(served.app, '/api/graph');
      documents = await getJson(served.app, '/api/documents');
    });
    afterAll(() => served?.close());
    const get = <T>(url: string, status = 200) => getJson<T>(served.app, url, status);

    /** The most connected actor of the seed graph (the tests follow the data as curated). */
    const hub = () => {
      const degree = new Map<string, number>();
      for (const e of all.edges) for (const n of [e.source, e.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
      return [...degree].sort((a, b) => b[1] - a[1])[0]![0];
    };

    test('GET /api/health: store kind, reachable, counts', async () => {
      const health = await get<StoreHealth>('/api/health');
      expect(health).toMatchObject({ store: storeCase.name, reachable: true });
      expect(health.counts!.documents).toBe(documents.length);
      expect(health.counts!.claims).toBe(documents.reduce((n, d) => n + d.claims, 0));
    });

    test('GET /api/documents and /api/documents/:id: text, body spans, claims at their offsets', async () => {
      expect(documents.map((d) => d.id)).toHaveLength(5);
      for (const summary of documents) {
        const doc = await get<DocumentDetail>(`/api/documents/${summary.id}`);
        expect(doc).toMatchObject({ id: summary.id, title: summary.title });
        expect(doc.text.length).toBe(summary.length);
        expect(doc.claims).toHaveLength(summary.claims);
        for (const claim of doc.claims) {
          expect(claim.document).toBe(summary.id);
          expect(doc.text.slice(claim.start, claim.end)).toBe(claim.quote);
        }
      }
      const missing = await served.app.inject({ url: '/api/documents/no-such-document' });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    test('GET /api/actors: alias-aware search, kind filter; without q, the paged list', async () => {
      const hits = await get<ActorHit[]>('/api/actors?q=ISKP');
      expect(hits[0]!.id).toBe('is-k');
      const states = await get<ActorHit[]>('/api/actors?q=pak&kind=state&limit=3');
      expect(states.length).toBeGreaterThan(0);
      expect(states.length).toBeLessThanOrEqual(3);
      for (const hit of states) expect(hit.kind).toBe('state');
      const page = await get<{ total: number; items: unknown[] }>('/api/actors?limit=3');
      expect(page.items).toHaveLength(3);
      expect(page.total).toBeGreaterThan(3);
    });

    test('GET /api/actors/:id: detail with counts; 404 for an unknown actor', async () => {
      const detail = await get<ActorDetail>('/api/actors/ttp');
      expect(detail).toMatchObject({ id: 'ttp', kind: 'group' });
      expect(detail.aliases).toContain('TTP');
      expect(Object.values(detail.byType).reduce((a, b) => a + (b ?? 0), 0)).toBe(detail.claims);
      expect((await served.app.inject({ url: '/api/actors/no-such-actor' })).statusCode).toBe(404);
    });

    test('GET /api/graph: one edge per relation, every claim counted, contested edges present', async () => {
      const claims = await get<ClaimPage>('/api/claims?limit=1000');
      expect(all.edges.reduce((n, e) => n + e.attributes.claims, 0)).toBe(claims.total);
      expect(new Set(all.edges.map((e) => e.key)).size).toBe(all.edges.length);
      const contested = all.edges.filter((e) => e.attributes.contested);
      expect(contested.length).toBeGreaterThan(0);
      for (const e of contested) expect(e.attributes.supporting > 0 && e.attributes.denying > 0).toBe(true);
    });

    test('filtering by one document leaves only edges with a claim from that document, and all of them', async () => {
      for (const { id } of documents) {
        const graph = await get<SerializedGraph>(`/api/graph?documents=${id}`);
        const { items } = await get<ClaimPage>(`/api/claims?document=${id}&limit=1000`);
        for (const edge of graph.edges) expect(edge.attributes.documents).toEqual([id]);
        expect(graph.edges.reduce((n, e) => n + e.attributes.claims, 0)).toBe(items.length);
      }
    });

    test('minDocuments keeps corroborated relations only; minClaims counts claims', async () => {
      const corroborated = await get<SerializedGraph>('/api/graph?minDocuments=2');
      expect(corroborated.edges.length).toBeGreaterThan(0);
      expect(corroborated.edges.length).toBeLessThan(all.edges.length);
      for (const e of corroborated.edges) expect(e.attributes.supporting).toBeGreaterThanOrEqual(2);
      expect(corroborated.edges.map((e) => e.key)).toEqual(all.edges.filter((e) => e.attributes.supporting >= 2).map((e) => e.key));
      const busy = await get<SerializedGraph>('/api/graph?minClaims=3');
      expect(busy.edges.map((e) => e.key)).toEqual(all.edges.filter((e) => e.attributes.claims >= 3).map((e) => e.key));
    });

    test('claim filters compose: types, certainty, repeated keys or commas', async () => {
      const graph = await get<SerializedGraph>('/api/graph?types=SUPPORTS&types=ALLIED_WITH&certainty=asserted,reported');
      expect(graph.edges.length).toBeGreaterThan(0);
      for (const e of graph.edges) {
        expect(['SUPPORTS', 'ALLIED_WITH']).toContain(e.attributes.type);
        expect(e.attributes.certainty.alleged + e.attributes.certainty.denied + e.attributes.certainty.speculative).toBe(0);
      }
    });

    test('a bad filter is a 400 naming the parameter', async () => {
      for (const [query, parameter] of [
        ['types=SUPPORTZ', 'types'],
        ['minDocuments=0', 'minDocuments'],
        ['from=yesterday', 'from'],
        ['reliability=Z', 'reliability'],
        ['colour=red', 'colour'],
      ] as const) {
        const response = await served.app.inject({ url: `/api/graph?${query}` });
        expect(response.statusCode, query).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status: 400, parameter });
      }
    });

    test('GET /api/actors/:id/neighborhood: depth and hub cap', async () => {
      const center = hub();
      const wide = await get<SerializedGraph>(`/api/actors/${center}/neighborhood?depth=1&limit=500`);
      expect(wide.attributes.truncated).toBe(false);
      const capped = await get<SerializedGraph>(`/api/actors/${center}/neighborhood?depth=1&limit=2`);
      expect(capped.nodes).toHaveLength(3);
      expect(capped.attributes).toMatchObject({ truncated: true, omittedNodes: wide.nodes.length - 3 });
      expect(capped.attributes.omittedEdges).toBe(wide.edges.length - capped.edges.length);
      const deeper = await get<SerializedGraph>(`/api/actors/${center}/neighborhood?depth=2&limit=500`);
      expect(deeper.nodes.length).toBeGreaterThan(wide.nodes.length);
      expect((await get<{ parameter: string }>(`/api/actors/${center}/neighborhood?depth=4`, 400)).parameter).toBe('depth');
      expect((await served.app.inject({ url: '/api/actors/no-such-actor/neighborhood' })).statusCode).toBe(404);
    });

    test('GET /api/paths: a graph of shortest paths; empty when none; 404 for unknown actors', async () => {
      const center = hub();
      const far = all.nodes.map((n) => n.key).find((n) => n !== center && !all.edges.some((e) => [e.source, e.target].includes(n) && [e.source, e.target].includes(center)))!;
      const graph = await get<SerializedGraph>(`/api/paths?from=${center}&to=${far}&maxLength=6&k=3`);
      expect(graph.nodes.map((n) => n.key)).toEqual(expect.arrayContaining([center, far]));
      const none = await get<SerializedGraph>(`/api/paths?from=${center}&to=${far}&maxLength=1`);
      expect(none.edges).toEqual([]);
      expect((await served.app.inject({ url: `/api/paths?from=${center}&to=no-such-actor` })).statusCode).toBe(404);
      expect((await get<{ parameter: string }>(`/api/paths?from=${center}&to=${far}&maxLength=7`, 400)).parameter).toBe('maxLength');
      expect((await get<{ parameter: string }>(`/api/paths?to=${far}`, 400)).parameter).toBe('from');
    });

    test('GET /api/claims: who supports the TTP, according to which document, in whose words', async () => {
      const page = await get<ClaimPage>('/api/claims?object=ttp&type=SUPPORTS');
      expect(page.total).toBeGreaterThan(0);
      for (const c of page.items) {
        expect(c).toMatchObject({ type: 'SUPPORTS', object: { id: 'ttp' } });
        expect(c.quote.length).toBeGreaterThan(0);
        expect(c.documentTitle.length).toBeGreaterThan(0);
      }
      const first = await get<ClaimPage>('/api/claims?limit=2&offset=0');
      const second = await get<ClaimPage>('/api/claims?limit=2&offset=2');
      expect(first).toMatchObject({ limit: 2, offset: 0, total: second.total });
      expect(first.items).toHaveLength(2);
      expect(second.items[0]!.id).not.toBe(first.items[1]!.id);
      expect((await get<{ parameter: string }>('/api/claims?limit=5000', 400)).parameter).toBe('limit');
    });

    test('GET /api/compare: buckets partition the union of both sides', async () => {
      const [a, b] = [documents[1]!.id, `${documents[2]!.id},${documents[3]!.id}`];
      const result = await get<CompareResult>(`/api/compare?a=${a}&b=${b}`);
      const keys = CompareSide.options.flatMap((s) => result.relations[s]);
      expect(keys.sort()).toEqual(result.graph.edges.map((e) => e.key).sort());
      for (const e of result.graph.edges) expect(result.relations[e.attributes.side!]).toContain(e.key);
      expect((await get<{ parameter: string }>(`/api/compare?a=${a}`, 400)).parameter).toBe('b');
      expect((await served.app.inject({ url: `/api/compare?a=${a}&b=no-such-document` })).statusCode).toBe(404);
    });

    test('GET /api/export.{gexf,graphml,json,csv}: attachments of the filtered graph that parse back', async () => {
      const document = documents[2]!.id;
      const filtered = await get<SerializedGraph>(`/api/graph?documents=${document}`);
      const download = async (format: string) => {
        const response = await served.app.inject({ url: `/api/export.${format}?documents=${document}` });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-disposition']).toBe(`attachment; filename="dyad-graph.${format}"`);
        return response;
      };
      const gexf = await download('gexf');
      expect(gexf.headers['content-type']).toMatch(/^application\/gexf\+xml/);
      const fromGexf = parseGexf(Graph, gexf.body);
      expect([fromGexf.order, fromGexf.size]).toEqual([filtered.nodes.length, filtered.edges.length]);
      const fromGraphml = parseGraphml(Graph, (await download('graphml')).body);
      expect(fromGraphml.edges().sort()).toEqual(filtered.edges.map((e) => e.key).sort());
      expect((await download('json')).json()).toEqual(filtered);
      const records = parseCsv((await download('csv')).body, { columns: true }) as Array<{ document: string }>;
      expect(records).toHaveLength(filtered.edges.reduce((n, e) => n + e.attributes.claims, 0));
      for (const r of records) expect(r.document).toBe(document);
      expect((await get<{ parameter: string }>('/api/export.csv?minClaims=none', 400)).parameter).toBe('minClaims');
    });
  });
});

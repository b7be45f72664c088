import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NotFound } from '../../server/errors.ts';
import { aggregate, type DyadGraph } from '../../server/graph/aggregate.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seededEmbeddedStore } from './seeded-embedded.ts';

let store: GraphStore;
let dispose: () => Promise<void>;
let full: DyadGraph;
beforeAll(async () => {
  ({ store, dispose } = await seededEmbeddedStore());
  full = aggregate(await store.allClaims({}));
});
afterAll(() => dispose());

/** The hub with most neighbours in the seed graph, so the tests follow the data as it is curated. */
const hub = () => full.nodes().sort((a, b) => full.neighbors(b).length - full.neighbors(a).length)[0]!;

describe('neighborhood', () => {
  test('depth 1 without a cap is the actor and every neighbour, with every relation between them seen', async () => {
    const center = hub();
    const graph = await store.neighborhood(center, { depth: 1, limit: 500, filters: {} });
    expect(new Set(graph.nodes.map((n) => n.key))).toEqual(new Set([center, ...full.neighbors(center)]));
    for (const edge of full.edges(center)) expect(graph.edges.some((e) => e.key === edge)).toBe(true);
    expect(graph.attributes).toEqual({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  });

  test('a hub keeps the neighbours of its strongest relations and says how many it left out', async () => {
    const center = hub();
    const limit = 2;
    const graph = await store.neighborhood(center, { depth: 1, limit, filters: {} });
    // graphology's edges(a, b) lists the edges between a and b in both directions.
    const strength = (n: string) => full.edges(center, n).length;
    // A neighbour ranks by its strongest relation to the centre.
    const weight = (n: string) => Math.max(...full.edges(center, n).map((e) => full.getEdgeAttribute(e, 'claims')));
    const neighbours = graph.nodes.map((n) => n.key).filter((k) => k !== center);
    expect(neighbours).toHaveLength(limit);
    const weakestKept = Math.min(...neighbours.map(weight));
    const strongestLeft = Math.max(...full.neighbors(center).filter((n) => !neighbours.includes(n)).map(weight));
    expect(weakestKept).toBeGreaterThanOrEqual(strongestLeft);
    expect(graph.attributes.truncated).toBe(true);
    expect(graph.attributes.omittedNodes).toBe(full.neighbors(center).length - limit);
    const keptEdges = neighbours.reduce((s, n) => s + strength(n), 0);
    expect(graph.attributes.omittedEdges).toBe(full.degree(center) - keptEdges);
  });

  test('each node of a ring brings in its own strongest neighbours; edges are the seen relations between kept actors', async () => {
    const center = hub();
    const limit = 2;
    const graph = await store.neighborhood(center, { depth: 2, limit, filters: {} });
    const kept = new Set(graph.nodes.map((n) => n.key));
    const ring1 = (await store.neighborhood(center, { depth: 1, limit, filters: {} })).nodes.map((n) => n.key).filter((n) => n !== center);
    expect(ring1).toHaveLength(limit);
    // Ring 2: at most `limit` new actors per ring-1 actor, each a neighbour of one.
    const ring2 = [...kept].filter((n) => n !== center && !ring1.includes(n));
    expect(ring2.length).toBeLessThanOrEqual(limit * limit);
    for (const n of ring2) expect(ring1.some((r) => full.areNeighbors(r, n))).toBe(true);
    const expanded = new Set([center, ...ring1]);
    const seen = full.edges().filter((e) => expanded.has(full.source(e)) || expanded.has(full.target(e)));
    const shown = seen.filter((e) => kept.has(full.source(e)) && kept.has(full.target(e)));
    expect(graph.edges.map((e) => e.key).sort()).toEqual(shown.sort());
    expect(graph.attributes.omittedEdges).toBe(seen.length - shown.length);
  });

  test('depth d reaches every actor within d relations, and no further', async () => {
    const center = hub();
    for (const depth of [1, 2, 3]) {
      const graph = await store.neighborhood(center, { depth, limit: 500, filters: {} });
      // Every node is within `depth` relations of the centre in the full graph.
      const ring = new Map([[center, 0]]);
      for (let d = 1; d <= depth; d++)
        for (const [node, at] of [...ring]) if (at === d - 1) for (const n of full.neighbors(node)) if (!ring.has(n)) ring.set(n, d);
      for (const node of graph.nodes) expect(ring.has(node.key)).toBe(true);
      expect(graph.nodes.length).toBe(ring.size);
    }
  });

  test('filters apply: one document gives only that document’s relations', async () => {
    const center = hub();
    const [document] = full.getEdgeAttribute(full.edges(center)[0]!, 'documents');
    const graph = await store.neighborhood(center, { depth: 2, limit: 500, filters: { documents: [document!] } });
    for (const edge of graph.edges) expect(edge.attributes.documents).toEqual([document]);
  });

  test('an actor with no admitted claims is alone in its neighbourhood; an unknown one is NotFound', async () => {
    const graph = await store.neighborhood(hub(), { depth: 1, limit: 10, filters: { documents: ['no-such-document'] } });
    expect(graph.nodes.map((n) => n.key)).toEqual([hub()]);
    expect(graph.edges).toEqual([]);
    await expect(store.neighborhood('no-such-actor', { depth: 1, limit: 10, filters: {} })).rejects.toBeInstanceOf(NotFound);
  });
});

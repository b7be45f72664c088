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

  /** A node's relations in the full graph, strongest first (claims, ties by key): the order a neighbourhood follows them in. */
  const ranked = (node: string) =>
    full.edges(node).sort((a, b) => full.getEdgeAttribute(b, 'claims') - full.getEdgeAttribute(a, 'claims') || (a < b ? -1 : a > b ? 1 : 0));

  test('a hub follows its strongest relations and says how many it left out', async () => {
    const center = hub();
    const limit = 2;
    const graph = await store.neighborhood(center, { depth: 1, limit, filters: {} });
    const followed = ranked(center).slice(0, limit);
    expect(graph.edges.map((e) => e.key).sort()).toEqual([...followed].sort());
    const kept = new Set([center, ...followed.map((e) => full.opposite(center, e))]);
    expect(new Set(graph.nodes.map((n) => n.key))).toEqual(kept);
    // Every relation left out is at most as strong as the weakest followed one.
    const weakest = Math.min(...followed.map((e) => full.getEdgeAttribute(e, 'claims')));
    for (const edge of full.edges(center).filter((e) => !followed.includes(e))) expect(full.getEdgeAttribute(edge, 'claims')).toBeLessThanOrEqual(weakest);
    expect(graph.attributes).toEqual({ truncated: true, omittedNodes: full.neighbors(center).length + 1 - kept.size, omittedEdges: full.degree(center) - limit });
  });

  test('each actor of a ring follows its own strongest relations; edges are the followed relations', async () => {
    const center = hub();
    const limit = 2;
    const graph = await store.neighborhood(center, { depth: 2, limit, filters: {} });
    const ring1 = [...new Set(ranked(center).slice(0, limit).map((e) => full.opposite(center, e)))];
    const followed = new Set([center, ...ring1].flatMap((node) => ranked(node).slice(0, limit)));
    expect(graph.edges.map((e) => e.key).sort()).toEqual([...followed].sort());
    const kept = new Set([...followed].flatMap((e) => full.extremities(e)));
    expect(new Set(graph.nodes.map((n) => n.key))).toEqual(kept);
    // Seen: every relation of an expanded actor (the seed actors have fewer than the horizon).
    const seen = new Set([center, ...ring1].flatMap((node) => full.edges(node)));
    expect(graph.attributes.omittedEdges).toBe(seen.size - followed.size);
    const seenNodes = new Set([...seen].flatMap((e) => full.extremities(e)));
    expect(graph.attributes.omittedNodes).toBe(seenNodes.size - kept.size);
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

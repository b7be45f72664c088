import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SerializedGraph } from '../../server/domain/index.ts';
import { InvalidInput, NotFound } from '../../server/errors.ts';
import { aggregate, type DyadGraph } from '../../server/graph/aggregate.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seededEmbeddedStore } from './seeded-embedded.ts';

let store: GraphStore;
let dispose: () => Promise<void>;
let full: DyadGraph;
let undirected: UndirectedGraph;
beforeAll(async () => {
  ({ store, dispose } = await seededEmbeddedStore());
  full = aggregate(await store.allClaims({}));
  undirected = new UndirectedGraph();
  full.forEachNode((n) => undirected.addNode(n));
  full.forEachEdge((_k, _a, s, t) => undirected.mergeEdge(s, t));
});
afterAll(() => dispose());

/** Two actors `hops` relations apart in the seed graph. */
function pairAt(hops: number): [string, string] {
  for (const from of full.nodes().sort())
    for (const to of full.nodes().sort()) {
      const p = from < to ? bidirectional(undirected, from, to) : null;
      if (p && p.length - 1 === hops) return [from, to];
    }
  throw new Error(`no two actors ${hops} apart`);
}

/** Shortest from→to path length in a served graph, direction ignored. */
function distanceIn(graph: SerializedGraph, from: string, to: string): number | undefined {
  const g = new UndirectedGraph();
  graph.nodes.forEach((n) => g.addNode(n.key));
  graph.edges.forEach((e) => g.mergeEdge(e.source, e.target));
  const p = g.hasNode(from) && g.hasNode(to) ? bidirectional(g, from, to) : null;
  return p ? p.length - 1 : undefined;
}

describe('paths', () => {
  test('k=1 is exactly one shortest path, its relations between consecutive actors only', async () => {
    const [from, to] = pairAt(3);
    const graph = await store.paths(from, to, { maxLength: 6, k: 1, filters: {} });
    expect(graph.nodes).toHaveLength(4);
    expect(distanceIn(graph, from, to)).toBe(3);
    const pairs = new Set(graph.edges.map((e) => [e.source, e.target].sort().join('|')));
    expect(pairs.size).toBe(3);
    for (const edge of graph.edges) expect(full.hasEdge(edge.key)).toBe(true);
  });

  test('more paths widen the graph; every node lies on a path no longer than maxLength', async () => {
    const [from, to] = pairAt(2);
    const one = await store.paths(from, to, { maxLength: 3, k: 1, filters: {} });
    const many = await store.paths(from, to, { maxLength: 3, k: 10, filters: {} });
    expect(many.nodes.length).toBeGreaterThanOrEqual(one.nodes.length);
    for (const node of many.nodes) {
      const viaNode = (distanceIn(many, from, node.key) ?? Infinity) + (distanceIn(many, node.key, to) ?? Infinity);
      expect(viaNode).toBeLessThanOrEqual(3);
    }
  });

  test('no path within maxLength is an empty graph, not an error', async () => {
    const [from, to] = pairAt(3);
    const graph = await store.paths(from, to, { maxLength: 2, k: 5, filters: {} });
    expect(graph.nodes).toEqual([]);
    expect(graph.edges).toEqual([]);
  });

  test('filters shape the graph searched: minDocuments keeps only corroborated relations', async () => {
    const corroborated = new UndirectedGraph();
    full.forEachEdge((_key, attributes, source, target) => {
      if (attributes.supporting < 2) return;
      corroborated.mergeEdge(source, target);
    });
    // Two actors joined by corroborated relations whose unfiltered paths also take uncorroborated ones.
    let pair: [string, string] | undefined;
    for (const from of corroborated.nodes().sort())
      for (const to of corroborated.nodes().sort()) {
        if (pair || from >= to || !bidirectional(corroborated, from, to)) continue;
        const unfiltered = await store.paths(from, to, { maxLength: 4, k: 5, filters: {} });
        if (unfiltered.edges.some((e) => e.attributes.supporting < 2)) pair = [from, to];
      }
    expect(pair, 'the seeds hold such a pair').toBeDefined();
    const [from, to] = pair!;
    const graph = await store.paths(from, to, { maxLength: 4, k: 5, filters: { minDocuments: 2 } });
    expect(graph.edges.length).toBeGreaterThan(0);
    for (const edge of graph.edges) expect(edge.attributes.supporting).toBeGreaterThanOrEqual(2);
    expect(distanceIn(graph, from, to)).toBe(bidirectional(corroborated, from, to)!.length - 1);
  });

  test('unknown actors are NotFound; the same actor twice is InvalidInput', async () => {
    const [from] = pairAt(1);
    await expect(store.paths(from, 'no-such-actor', { maxLength: 3, k: 5, filters: {} })).rejects.toBeInstanceOf(NotFound);
    await expect(store.paths(from, from, { maxLength: 3, k: 5, filters: {} })).rejects.toBeInstanceOf(InvalidInput);
  });
});

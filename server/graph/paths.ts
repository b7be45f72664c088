/**
 * How two actors connect: the k shortest simple paths between them in the filtered graph,
 * ignoring direction (a path through "Kabul SUPPORTS TTP" and "Pakistan ACCUSES Kabul" is
 * a connection either way). Ties in length go to the path with more evidence.
 */
import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { allSimplePaths } from 'graphology-simple-path';
import type { GraphFilters, SerializedGraph } from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { aggregate, type DyadGraph, relationOf, serialize, splitFilters } from './aggregate.ts';

export interface PathOptions {
  /** Most relations on one path, 1–6. */
  maxLength: number;
  /** How many paths. */
  k: number;
  filters: GraphFilters;
}

/** The paths as one graph; an empty graph when there is none. Throws NotFound for an unknown actor. */
export async function paths(store: GraphStore, from: string, to: string, options: PathOptions): Promise<SerializedGraph> {
  if (from === to) throw new InvalidInput(`'from' and 'to' are the same actor '${from}'`, { parameter: 'to' });
  await Promise.all([store.getActor(from), store.getActor(to)]);
  const { claimFilters, thresholds } = splitFilters(options.filters);
  const claims = await store.allClaims(claimFilters);
  const graph = aggregate(claims, thresholds);

  const { chosen, found } = shortestPaths(graph, from, to, options);
  const pairs = new Set(chosen.flatMap((path) => path.slice(1).map((node, i) => pairKey(path[i]!, node))));
  const onPaths = claims.filter((c) => {
    const { source, target } = relationOf(c);
    return pairs.has(pairKey(source, target));
  });
  const result = aggregate(onPaths, thresholds);

  const foundNodes = new Set(found.flat());
  const foundPairs = new Set(found.flatMap((path) => path.slice(1).map((node, i) => pairKey(path[i]!, node))));
  let foundEdges = 0;
  graph.forEachEdge((_key, _attributes, source, target) => {
    if (foundPairs.has(pairKey(source, target))) foundEdges += 1;
  });
  result.replaceAttributes({
    truncated: found.length > chosen.length,
    omittedNodes: foundNodes.size - result.order,
    omittedEdges: foundEdges - result.size,
  });
  return serialize(result);
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Enumerates simple paths tier by tier, from the shortest length up, and stops at the first
 * length that yields k: enumerating every path up to maxLength explodes around hubs.
 */
function shortestPaths(
  graph: DyadGraph,
  from: string,
  to: string,
  { maxLength, k }: Pick<PathOptions, 'maxLength' | 'k'>,
): { chosen: string[][]; found: string[][] } {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return { chosen: [], found: [] };
  const weights = new UndirectedGraph<Record<string, never>, { claims: number }>();
  graph.forEachNode((node) => weights.addNode(node));
  graph.forEachEdge((_key, attributes, source, target) => {
    weights.updateEdge(source, target, (edge) => ({ claims: (edge.claims ?? 0) + attributes.claims }));
  });
  const shortest = bidirectional(weights, from, to);
  if (!shortest || shortest.length - 1 > maxLength) return { chosen: [], found: [] };

  let found: string[][] = [];
  for (let depth = shortest.length - 1; depth <= maxLength && found.length < k; depth++)
    found = allSimplePaths(weights, from, to, { maxDepth: depth });
  const evidence = (path: string[]) => path.slice(1).reduce((sum, node, i) => sum + weights.getEdgeAttribute(path[i]!, node, 'claims'), 0);
  const ranked = found
    .map((path) => ({ path, claims: evidence(path), label: path.join('\u0000') }))
    .sort((a, b) => a.path.length - b.path.length || b.claims - a.claims || (a.label < b.label ? -1 : 1));
  return { chosen: ranked.slice(0, k).map((r) => r.path), found };
}

/**
 * How two actors connect: the shortest paths between them over the relations passing the
 * filters, direction ignored (a path through "Kabul SUPPORTS TTP" and "Pakistan ACCUSES
 * Kabul" is a connection either way). Every path of the shortest length (at most maxLength)
 * is found; the k with most evidence (claims over the relations between consecutive actors)
 * are served, ties by the actors' ids. Both stores answer by this rule (Neo4j finds the paths
 * with allShortestPaths, cypher/paths.cypher).
 */
import type { ActorRef, GraphAttributes, GraphFilters, SerializedGraph } from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import { type RelationRow, serializeRelations, weight } from './relations.ts';

export interface PathOptions {
  /** Most relations on one path, 1–6. */
  maxLength: number;
  /** How many paths. */
  k: number;
  filters: GraphFilters;
}

/** Most shortest paths enumerated between two actors: beyond it, between two hubs, the rest go uncounted. */
export const MAX_PATHS = 10_000;

export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The consecutive pairs of some paths. */
export const pathPairs = (paths: readonly string[][]): string[][] => {
  const pairs = new Map<string, string[]>();
  for (const path of paths) for (let i = 1; i < path.length; i++) pairs.set(pairKey(path[i - 1]!, path[i]!), [path[i - 1]!, path[i]!]);
  return [...pairs.values()];
};

/**
 * Every shortest from→to path no longer than maxLength (up to MAX_PATHS), by breadth-first
 * search over `neighbours` (each distinct neighbour once), layer by layer until `to` is reached.
 */
export function shortestPaths(from: string, to: string, maxLength: number, neighbours: (id: string) => Iterable<string>): string[][] {
  const depth = new Map([[from, 0]]);
  const parents = new Map<string, string[]>();
  let layer = [from];
  for (let d = 1; d <= maxLength && layer.length > 0 && !depth.has(to); d++) {
    const next: string[] = [];
    for (const node of layer)
      for (const other of neighbours(node)) {
        const at = depth.get(other);
        if (at === undefined) {
          depth.set(other, d);
          parents.set(other, [node]);
          next.push(other);
        } else if (at === d) parents.get(other)!.push(node);
      }
    layer = next;
  }
  if (!depth.has(to) || from === to) return [];
  const paths: string[][] = [];
  const walk = (node: string, suffix: string[]): void => {
    if (paths.length >= MAX_PATHS) return;
    if (node === from) {
      paths.push([from, ...suffix]);
      return;
    }
    for (const parent of parents.get(node)!) walk(parent, [node, ...suffix]);
  };
  walk(to, []);
  return paths;
}

/**
 * The k paths with most evidence as relations, given every passing relation between the
 * paths' consecutive pairs; what the other found paths would add is counted as omitted.
 */
export function rankPaths(found: readonly string[][], pairRows: readonly RelationRow[], k: number): { rows: RelationRow[]; attributes: GraphAttributes } {
  const byPair = new Map<string, RelationRow[]>();
  for (const row of pairRows) {
    const key = pairKey(row.source, row.target);
    byPair.set(key, [...(byPair.get(key) ?? []), row]);
  }
  const evidence = (path: string[]) =>
    path.slice(1).reduce((sum, node, i) => sum + (byPair.get(pairKey(path[i]!, node)) ?? []).reduce((s, row) => s + weight(row), 0), 0);
  const chosen = found
    .map((path) => ({ path, claims: evidence(path), label: path.join('\u0000') }))
    .sort((a, b) => b.claims - a.claims || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .slice(0, k)
    .map((ranked) => ranked.path);
  const rows = pathPairs(chosen).flatMap(([a, b]) => byPair.get(pairKey(a!, b!)) ?? []);
  const shownNodes = new Set(chosen.flat());
  const foundNodes = new Set(found.flat());
  return {
    rows,
    attributes: { truncated: found.length > chosen.length, omittedNodes: foundNodes.size - shownNodes.size, omittedEdges: pairRows.length - rows.length },
  };
}

/** A path needs two actors. */
export function checkPathEnds(from: string, to: string): void {
  if (from === to) throw new InvalidInput(`'from' and 'to' are the same actor '${from}'`, { parameter: 'to' });
}

/** The served form of ranked paths. */
export function pathsGraph({ rows, attributes }: ReturnType<typeof rankPaths>, ref: (id: string) => ActorRef): SerializedGraph {
  return serializeRelations(rows, ref, attributes);
}

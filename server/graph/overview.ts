/**
 * The whole graph, bounded: when the relations passing the filters fit the bounds they are
 * all served; otherwise the best-connected actors (most claims over passing relations, ties
 * by id) are kept, and among them the most corroborated relations (supporting documents,
 * then claims, then key). Totals say how big the whole is. Both stores answer by this rule
 * (Neo4j in cypher/overview*.cypher).
 */
import type { ActorRef, SerializedGraph } from '../domain/index.ts';
import { compareKeys } from './aggregate.ts';
import { type RelationRow, serializeRelations, weight } from './relations.ts';

export interface GraphBounds {
  maxNodes: number;
  maxEdges: number;
}

export interface Overview {
  rows: RelationRow[];
  totalNodes: number;
  totalEdges: number;
}

/** Most corroborated first: supporting documents, claims, then key. */
export const byCorroboration = (a: RelationRow, b: RelationRow): number =>
  b.attributes.supporting - a.attributes.supporting || weight(b) - weight(a) || compareKeys(a.key, b.key);

export function overview(rows: readonly RelationRow[], bounds: GraphBounds): Overview {
  const degree = new Map<string, number>();
  for (const row of rows) for (const id of [row.source, row.target]) degree.set(id, (degree.get(id) ?? 0) + weight(row));
  const totals = { totalNodes: degree.size, totalEdges: rows.length };
  if (rows.length <= bounds.maxEdges && degree.size <= bounds.maxNodes) return { rows: [...rows], ...totals };
  return overviewAmong(bestConnected(degree, bounds.maxNodes), rows, totals, bounds.maxEdges);
}

/** The `maxNodes` actors of most weight, ties by id. */
export function bestConnected(weights: Iterable<[string, number]>, maxNodes: number): Set<string> {
  return new Set(
    [...weights]
      .sort(([a, x], [b, y]) => y - x || compareKeys(a, b))
      .slice(0, maxNodes)
      .map(([id]) => id),
  );
}

/** The most corroborated of `rows` with both ends among `best` (a store that knows the best-connected actors beforehand passes only their relations). */
export function overviewAmong(best: ReadonlySet<string>, rows: readonly RelationRow[], totals: Omit<Overview, 'rows'>, maxEdges: number): Overview {
  const among = rows.filter((row) => best.has(row.source) && best.has(row.target));
  return { rows: among.sort(byCorroboration).slice(0, maxEdges), ...totals };
}

/** The served form, with totals; truncated when anything was left out. */
export function overviewGraph({ rows, totalNodes, totalEdges }: Overview, ref: (id: string) => ActorRef): SerializedGraph {
  const shownNodes = new Set(rows.flatMap((row) => [row.source, row.target])).size;
  const omittedNodes = totalNodes - shownNodes;
  const omittedEdges = totalEdges - rows.length;
  return serializeRelations(rows, ref, { truncated: omittedNodes > 0 || omittedEdges > 0, omittedNodes, omittedEdges, totalNodes, totalEdges });
}

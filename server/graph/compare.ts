/**
 * Two sources side by side: each relation either side states, bucketed as only in a, only
 * in b, in both, or contradicted (one side supports what the other denies).
 */
import {
  type ClaimView,
  type CompareResult,
  type CompareSide,
  CompareSide as CompareSideEnum,
  type EdgeAttributes,
  type GraphFilters,
} from '../domain/index.ts';
import { NotFound } from '../errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { aggregate, groupByRelation, relationAttributes, serialize, splitFilters } from './aggregate.ts';

export interface CompareOptions {
  a: string[];
  b: string[];
  /** Every graph filter but `documents` (the two sides are the documents). */
  filters: Omit<GraphFilters, 'documents'>;
}

/** Throws NotFound naming the first unknown document. */
export async function compare(store: GraphStore, options: CompareOptions): Promise<CompareResult> {
  const known = new Set((await store.listDocuments()).map((d) => d.id));
  const unknown = [...options.a, ...options.b].find((id) => !known.has(id));
  if (unknown) throw new NotFound('document', unknown);

  const { claimFilters, thresholds } = splitFilters(options.filters);
  const [a, b] = await Promise.all([
    store.documentClaims(options.a, claimFilters),
    store.documentClaims(options.b, claimFilters),
  ]);
  const union = new Map<string, ClaimView>([...a, ...b].map((c) => [c.id, c]));
  const graph = aggregate([...union.values()], thresholds);
  const sideA = sideRelations(a);
  const sideB = sideRelations(b);
  const relations = Object.fromEntries(CompareSideEnum.options.map((s) => [s, [] as string[]])) as Record<CompareSide, string[]>;
  graph.forEachEdge((key) => {
    const side = sideOf(sideA.get(key), sideB.get(key));
    graph.setEdgeAttribute(key, 'side', side);
    relations[side].push(key);
  });
  return { graph: serialize(graph), relations };
}

function sideRelations(claims: ClaimView[]): Map<string, EdgeAttributes> {
  return new Map([...groupByRelation(claims)].map(([key, { relation, claims: group }]) => [key, relationAttributes(relation.type, group)]));
}

function sideOf(a: EdgeAttributes | undefined, b: EdgeAttributes | undefined): CompareSide {
  if (a && b) {
    const contradicted = (a.supporting > 0 && b.denying > 0) || (b.supporting > 0 && a.denying > 0);
    return contradicted ? 'contradicted' : 'both';
  }
  return a ? 'a' : 'b';
}

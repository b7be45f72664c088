/** The graph of every claim a filter set admits: one store call, then shared aggregation. */
import type { ClaimView, GraphFilters } from '../domain/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { aggregate, type DyadGraph, splitFilters } from './aggregate.ts';

export async function filteredGraph(store: GraphStore, filters: GraphFilters): Promise<{ claims: ClaimView[]; graph: DyadGraph }> {
  const { claimFilters, thresholds } = splitFilters(filters);
  const claims = await store.allClaims(claimFilters);
  return { claims, graph: aggregate(claims, thresholds) };
}

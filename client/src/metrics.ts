/** Node sizes (degree, betweenness, PageRank) and Louvain communities over the model. */
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import louvain from 'graphology-communities-louvain';
import { MIN_NODE_SIZE } from './display.ts';
import { simpleProjection, type Model } from './model.ts';
import type { SizeMetric } from './state.ts';

export const MAX_NODE_SIZE = 18;

export interface Metrics {
  /** Display radius per node, scaled from the chosen centrality. */
  size: Map<string, number>;
  community: Map<string, number>;
}

/** Communities only when they are drawn: Louvain is the costliest step on a big graph. */
export function computeMetrics(model: Model, metric: SizeMetric, communities: boolean): Metrics {
  // Degree (distinct other actors) needs no projection: on a big view that is the costly part.
  const simple = metric === 'degree' && !communities ? null : simpleProjection(model);
  const raw: Record<string, number> =
    model.order === 0
      ? {}
      : !simple
        ? Object.fromEntries(model.mapNodes((node) => [node, model.neighbors(node).filter((n) => n !== node).length]))
        : metric === 'betweenness'
          ? betweenness(simple)
          : metric === 'pagerank'
            ? pagerank(simple)
            : Object.fromEntries(simple.mapNodes((node) => [node, simple.degree(node)]));
  const max = Math.max(0, ...Object.values(raw));
  const size = new Map<string, number>();
  for (const [node, value] of Object.entries(raw)) {
    size.set(node, MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * (max > 0 ? Math.sqrt(value / max) : 0));
  }
  const community = new Map<string, number>(
    simple && communities && simple.size > 0 ? Object.entries(louvain(simple, { randomWalk: false })) : [],
  );
  return { size, community };
}

/**
 * An actor's ego graph, one ring at a time: each ring is one `claimsTouching` call for the
 * ring before it, so depth d costs d round trips. Hubs are capped: a node brings in at most
 * `limit` new neighbours, the strongest by claim count, and the response says how much of
 * what was seen it left out.
 */
import type { ClaimView, GraphFilters, SerializedGraph } from '../domain/index.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { aggregate, type DyadGraph, serialize, splitFilters } from './aggregate.ts';

export interface NeighborhoodOptions {
  /** Rings around the actor, 1–3. */
  depth: number;
  /** New neighbours one node may bring in. */
  limit: number;
  filters: GraphFilters;
}

/** Throws NotFound for an unknown actor. */
export async function neighborhood(store: GraphStore, center: string, options: NeighborhoodOptions): Promise<SerializedGraph> {
  const actor = await store.getActor(center);
  const { claimFilters, thresholds } = splitFilters(options.filters);
  const seen = new Map<string, ClaimView>();
  const kept = new Set([center]);
  let frontier = [center];
  for (let ring = 1; ring <= options.depth && frontier.length > 0; ring++) {
    for (const claim of await store.claimsTouching(frontier, claimFilters)) seen.set(claim.id, claim);
    const relations = aggregate([...seen.values()], thresholds);
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbour of strongestNewNeighbours(relations, node, kept, options.limit)) {
        kept.add(neighbour);
        next.push(neighbour);
      }
    }
    frontier = next;
  }

  const all = [...seen.values()];
  const everything = aggregate(all, thresholds);
  const graph = aggregate(
    all.filter((c) => kept.has(c.subject.id) && kept.has(c.object.id)),
    thresholds,
  );
  const omittedNodes = everything.order - graph.order;
  const omittedEdges = everything.size - graph.size;
  // An actor without (admitted) claims is still the centre of its own neighbourhood.
  if (!graph.hasNode(center)) graph.addNode(center, { name: actor.name, kind: actor.kind, aliases: actor.aliases, claims: 0 });
  graph.replaceAttributes({ truncated: omittedNodes > 0 || omittedEdges > 0, omittedNodes, omittedEdges });
  return serialize(graph);
}

/** Neighbours of `node` not yet in the graph, strongest (most claims, either direction) first. */
function strongestNewNeighbours(graph: DyadGraph, node: string, kept: ReadonlySet<string>, limit: number): string[] {
  if (!graph.hasNode(node)) return [];
  const strength = new Map<string, number>();
  graph.forEachEdge(node, (_key, attributes, source, target) => {
    const other = source === node ? target : source;
    if (!kept.has(other)) strength.set(other, (strength.get(other) ?? 0) + attributes.claims);
  });
  return [...strength]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

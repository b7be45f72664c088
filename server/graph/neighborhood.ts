/**
 * An actor's ego graph, ring by ring, the rule both stores answer by (the Neo4j store answers
 * it in one query, cypher/neighborhood.cypher, unless a claim-level filter asks for the
 * claims' own aggregation; the contract suite holds the two to each other):
 *
 * - ring r expands the nodes the ring before it brought in (ring 0: the centre);
 * - each expanded node brings in at most `limit` neighbours not already in the graph before
 *   this ring, the strongest first (sum of claims over the relations between them, ties by
 *   id), so a hub never floods the response;
 * - the graph holds every relation seen (touching an expanded node) whose ends are both in;
 *   `omittedEdges` counts the other relations seen, `omittedNodes` their ends left out.
 */
import type { ActorRef, GraphFilters, SerializedGraph } from '../domain/index.ts';
import { compareKeys } from './aggregate.ts';
import { type RelationRow, serializeRelations, weight } from './relations.ts';

export interface NeighborhoodOptions {
  /** Rings around the actor, 1–3. */
  depth: number;
  /** New neighbours one node may bring in. */
  limit: number;
  filters: GraphFilters;
}

export interface Neighborhood {
  nodes: string[];
  rows: RelationRow[];
  omittedNodes: number;
  omittedEdges: number;
}

/** Relations passing the filters with an end among `ids`, each once: one store read per ring. */
export type Touching = (ids: string[]) => Promise<RelationRow[]>;

/** One ring: each actor of `frontier` brings in its `limit` strongest neighbours not in `kept` (ties by id). */
type RingStep = (frontier: string[], kept: ReadonlySet<string>) => Promise<Iterable<string>>;

/** The rings around `center`: the actors kept. */
async function expandRings(center: string, depth: number, step: RingStep): Promise<Set<string>> {
  const kept = new Set([center]);
  let frontier = [center];
  for (let ring = 1; ring <= depth && frontier.length > 0; ring++) {
    const next = [...new Set(await step(frontier, kept))].filter((id) => !kept.has(id));
    for (const id of next) kept.add(id);
    frontier = next;
  }
  return kept;
}

export async function expandNeighborhood(center: string, { depth, limit }: Pick<NeighborhoodOptions, 'depth' | 'limit'>, touching: Touching): Promise<Neighborhood> {
  const seen = new Map<string, RelationRow>();
  const kept = await expandRings(center, depth, async (frontier, before) => {
    const rows = await touching(frontier);
    for (const row of rows) seen.set(row.key, row);
    const strength = new Map<string, Map<string, number>>(frontier.map((id) => [id, new Map()]));
    for (const row of rows)
      for (const [end, other] of [
        [row.source, row.target],
        [row.target, row.source],
      ] as const) {
        const around = strength.get(end);
        if (around && !before.has(other)) around.set(other, (around.get(other) ?? 0) + weight(row));
      }
    return [...strength.values()].flatMap((around) => strongest(around, limit));
  });
  const rows = [...seen.values()].filter((row) => kept.has(row.source) && kept.has(row.target));
  const seenNodes = new Set([center, ...[...seen.values()].flatMap((row) => [row.source, row.target])]);
  return { nodes: [...kept], rows, omittedNodes: seenNodes.size - kept.size, omittedEdges: seen.size - rows.length };
}

/** The `limit` strongest of some neighbours, ties by id. */
function strongest(around: Map<string, number>, limit: number): string[] {
  return [...around]
    .sort(([a, x], [b, y]) => y - x || compareKeys(a, b))
    .slice(0, limit)
    .map(([id]) => id);
}

/** The served form: the centre is in even when no relation is admitted. */
export function neighborhoodGraph(center: string, { rows, omittedNodes, omittedEdges }: Neighborhood, ref: (id: string) => ActorRef): SerializedGraph {
  return serializeRelations(rows, ref, { truncated: omittedNodes > 0 || omittedEdges > 0, omittedNodes, omittedEdges }, [center]);
}

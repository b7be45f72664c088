/**
 * An actor's ego graph, ring by ring, the rule both stores answer by (the Neo4j store answers
 * it in one query, cypher/neighborhood.cypher, unless a claim-level filter asks for the
 * claims' own aggregation; the contract suite holds the two to each other). It costs what it
 * shows: an actor is read through its HORIZON strongest relations, never all of them.
 *
 * - an actor's relations are ranked strongest first (claims, ties by key); a read sees each
 *   expanded actor's HORIZON strongest passing relations;
 * - ring r expands the actors the ring before it brought in (ring 0: the centre); each expanded
 *   actor brings in at most `limit` neighbours not already in the graph before this ring, in the
 *   order its seen relations name them (a neighbour ranks by its strongest relation);
 * - the graph holds every seen relation whose ends are both in; `omittedEdges` counts the other
 *   seen relations, `omittedNodes` their ends left out; `truncated` when something seen was left
 *   out or an expanded actor has a full horizon (it may have more relations, not read).
 */
import type { ActorRef, GraphFilters, SerializedGraph } from '../domain/index.ts';
import { compareKeys } from './aggregate.ts';
import { type RelationRow, serializeRelations, weight } from './relations.ts';

/** The most relations of one actor a neighbourhood read sees (its strongest). */
export const HORIZON = 500;
/** The most neighbours one expanded actor brings in (the API's bound on `limit`). */
export const MAX_NEIGHBOURS = 500;

export interface NeighborhoodOptions {
  /** Rings around the actor, 1–3. */
  depth: number;
  /** New neighbours one expanded actor may bring in. */
  limit: number;
  filters: GraphFilters;
}

export interface Neighborhood {
  nodes: string[];
  rows: RelationRow[];
  omittedNodes: number;
  omittedEdges: number;
  /** An expanded actor's horizon was full: it may have relations that were not read. */
  beyondHorizon: boolean;
}

/** Each of `ids`' HORIZON strongest passing relations, strongest first: one store read per ring. */
export type Strongest = (ids: string[]) => Promise<Map<string, RelationRow[]>>;

/** The rank of relations around an actor: claims, then key. */
export const strongerFirst = (a: RelationRow, b: RelationRow): number => weight(b) - weight(a) || compareKeys(a.key, b.key);

/** An actor's HORIZON strongest relations among `rows` (its passing relations, in any order). */
export function strongestOf(rows: RelationRow[]): RelationRow[] {
  return rows.sort(strongerFirst).slice(0, HORIZON);
}

/** The strongest of some actors' passing relations (`touching`: each relation once), each actor's ranked. */
export function strongestAround(ids: string[], touching: RelationRow[]): Map<string, RelationRow[]> {
  const around = new Map<string, RelationRow[]>(ids.map((id) => [id, []]));
  for (const row of touching) for (const end of [row.source, row.target]) around.get(end)?.push(row);
  for (const [id, rows] of around) around.set(id, strongestOf(rows));
  return around;
}

export async function expandNeighborhood(center: string, { depth, limit }: Pick<NeighborhoodOptions, 'depth' | 'limit'>, strongest: Strongest): Promise<Neighborhood> {
  const seen = new Map<string, RelationRow>();
  const kept = new Set([center]);
  let beyondHorizon = false;
  let frontier = [center];
  for (let ring = 1; ring <= depth && frontier.length > 0; ring++) {
    const ranked = await strongest(frontier);
    const next = new Set<string>();
    for (const id of frontier) {
      const rows = ranked.get(id) ?? [];
      if (rows.length >= HORIZON) beyondHorizon = true;
      const brought = new Set<string>();
      for (const row of rows) {
        seen.set(row.key, row);
        const other = row.source === id ? row.target : row.source;
        if (brought.size < limit && !kept.has(other)) brought.add(other);
      }
      for (const other of brought) next.add(other);
    }
    for (const id of next) kept.add(id);
    frontier = [...next];
  }
  const rows = [...seen.values()].filter((row) => kept.has(row.source) && kept.has(row.target));
  const left = new Set([...seen.values()].flatMap((row) => [row.source, row.target]).filter((id) => !kept.has(id)));
  return { nodes: [...kept], rows, omittedNodes: left.size, omittedEdges: seen.size - rows.length, beyondHorizon };
}

/** The served form: the centre is in even when no relation is admitted. */
export function neighborhoodGraph(center: string, { rows, omittedNodes, omittedEdges, beyondHorizon }: Neighborhood, ref: (id: string) => ActorRef): SerializedGraph {
  return serializeRelations(rows, ref, { truncated: beyondHorizon || omittedNodes > 0 || omittedEdges > 0, omittedNodes, omittedEdges }, [center]);
}

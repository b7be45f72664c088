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
 * - the graph holds the seen relations whose ends are both in, at most `maxEdges` of them: every
 *   relation that brought an actor in, then the strongest others (claims, ties by key) while
 *   there is room; an actor whose relations are all left out is left out too. `omittedEdges`
 *   counts the other seen relations, `omittedNodes` the ends of seen relations not shown;
 *   `truncated` when something seen was left out or an expanded actor has a full horizon (it may
 *   have more relations, not read). The bound keeps a hub's depth-2 answer small: its rings hold
 *   some hundreds of actors, with thousands of relations among them.
 */
import type { ActorRef, GraphFilters, SerializedGraph } from '../domain/index.ts';
import { compareKeys } from './aggregate.ts';
import { type RelationRow, serializeRelations, weight } from './relations.ts';

/** The most relations of one actor a neighbourhood read sees (its strongest). */
export const HORIZON = 500;
/** The most neighbours one expanded actor brings in (the API's bound on `limit`). */
export const MAX_NEIGHBOURS = 500;
/** The relations a neighbourhood shows unless asked otherwise: at least a horizon, so depth 1 is never cut by it. */
export const NEIGHBOURHOOD_EDGES = 1000;
/** The most relations a neighbourhood may be asked to show (the API's bound on `maxEdges`). */
export const MAX_NEIGHBOURHOOD_EDGES = 5000;

export interface NeighborhoodOptions {
  /** Rings around the actor, 1–3. */
  depth: number;
  /** New neighbours one expanded actor may bring in. */
  limit: number;
  /** The most relations shown (those that brought an actor in are shown even past it); default NEIGHBOURHOOD_EDGES. */
  maxEdges?: number;
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

export async function expandNeighborhood(
  center: string,
  { depth, limit, maxEdges = NEIGHBOURHOOD_EDGES }: Pick<NeighborhoodOptions, 'depth' | 'limit' | 'maxEdges'>,
  strongest: Strongest,
): Promise<Neighborhood> {
  const seen = new Map<string, RelationRow>();
  const kept = new Set([center]);
  /** The relations by which an expanded actor brought a neighbour in. */
  const bringing = new Set<string>();
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
        if (brought.size < limit && !kept.has(other) && !brought.has(other)) {
          brought.add(other);
          bringing.add(row.key);
        }
      }
      for (const other of brought) next.add(other);
    }
    for (const id of next) kept.add(id);
    frontier = [...next];
  }
  const inside = [...seen.values()].filter((row) => kept.has(row.source) && kept.has(row.target));
  const rows = inside.sort((a, b) => Number(bringing.has(b.key)) - Number(bringing.has(a.key)) || strongerFirst(a, b)).slice(0, Math.max(maxEdges, bringing.size));
  const shown = new Set([center, ...rows.flatMap((row) => [row.source, row.target])]);
  const ends = new Set([center, ...[...seen.values()].flatMap((row) => [row.source, row.target])]);
  return { nodes: [...shown], rows, omittedNodes: ends.size - shown.size, omittedEdges: seen.size - rows.length, beyondHorizon };
}

/** The served form: the centre is in even when no relation is admitted. */
export function neighborhoodGraph(center: string, { rows, omittedNodes, omittedEdges, beyondHorizon }: Neighborhood, ref: (id: string) => ActorRef): SerializedGraph {
  return serializeRelations(rows, ref, { truncated: beyondHorizon || omittedNodes > 0 || omittedEdges > 0, omittedNodes, omittedEdges }, [center]);
}

/**
 * An actor's ego graph, ring by ring, the rule both stores answer by (the Neo4j store answers
 * it in one query, cypher/neighborhood.cypher, unless a claim-level filter asks for the
 * claims' own aggregation; the contract suite holds the two to each other). It costs what it
 * shows: an actor is only ever read through its strongest relations, never all of them.
 *
 * - an actor's relations are ranked strongest first (claims, ties by key); a read considers
 *   (`sees`) each expanded actor's HORIZON strongest passing relations;
 * - ring r expands the actors the ring before it brought in (ring 0: the centre); each expanded
 *   actor follows its `limit` strongest passing relations, and their other ends not yet in the
 *   graph make the next ring;
 * - the graph holds the followed relations; `omittedEdges` counts the other seen relations,
 *   `omittedNodes` the ends of seen relations left out.
 *
 * HORIZON is above the largest `limit`, so an actor with more relations than are followed
 * always leaves some seen relation out and the answer says `truncated`; the counts of what was
 * left out stop at each actor's horizon (a hub's tens of thousands of relations are not read
 * to count them).
 */
import type { ActorRef, GraphFilters, SerializedGraph } from '../domain/index.ts';
import { compareKeys } from './aggregate.ts';
import { type RelationRow, serializeRelations, weight } from './relations.ts';

/** The most relations of one actor a neighbourhood read considers: twice the largest `limit`. */
export const HORIZON = 1000;
/** The largest `limit` a neighbourhood takes (the API's bound). */
export const MAX_NEIGHBOURS = HORIZON / 2;

export interface NeighborhoodOptions {
  /** Rings around the actor, 1–3. */
  depth: number;
  /** Relations one expanded actor follows. */
  limit: number;
  filters: GraphFilters;
}

export interface Neighborhood {
  nodes: string[];
  rows: RelationRow[];
  omittedNodes: number;
  omittedEdges: number;
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
  const shown = new Map<string, RelationRow>();
  const kept = new Set([center]);
  let frontier = [center];
  for (let ring = 1; ring <= depth && frontier.length > 0; ring++) {
    const ranked = await strongest(frontier);
    const next = new Set<string>();
    for (const id of frontier) {
      const rows = ranked.get(id) ?? [];
      for (const row of rows) seen.set(row.key, row);
      for (const row of rows.slice(0, limit)) {
        shown.set(row.key, row);
        const other = row.source === id ? row.target : row.source;
        if (!kept.has(other)) next.add(other);
      }
    }
    for (const id of next) kept.add(id);
    frontier = [...next];
  }
  const seenNodes = new Set([center, ...[...seen.values()].flatMap((row) => [row.source, row.target])]);
  return { nodes: [...kept], rows: [...shown.values()], omittedNodes: seenNodes.size - kept.size, omittedEdges: seen.size - shown.size };
}

/** The served form: the centre is in even when no relation is admitted. */
export function neighborhoodGraph(center: string, { rows, omittedNodes, omittedEdges }: Neighborhood, ref: (id: string) => ActorRef): SerializedGraph {
  return serializeRelations(rows, ref, { truncated: omittedNodes > 0 || omittedEdges > 0, omittedNodes, omittedEdges }, [center]);
}

/**
 * Relations in memory, answering the neighbourhood, overview and paths rules of this folder.
 * RelationReads states those answers once over three questions a holder of relations
 * answers (which relations touch some actors, every relation, the relations between two
 * actors); RelationIndex is the holder for a read that aggregated the claims of its scope: a
 * graphology multigraph whose nodes are actor ids and whose edges are relations (key:
 * relation key, attributes: the aggregate). The embedded store keeps its live relations in
 * columns instead (server/store/embedded/relation-table.ts).
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes } from '../domain/index.ts';
import { expandNeighborhood, type Neighborhood, type NeighborhoodOptions, strongestOf } from './neighborhood.ts';
import { type GraphBounds, type Overview, overview } from './overview.ts';
import { pathPairs, rankPaths, shortestPaths } from './paths.ts';
import type { RelationPredicate, RelationRow } from './relations.ts';

export abstract class RelationReads {
  abstract get size(): number;
  /** Passing relations with an end among `ids`, each once. */
  abstract touching(ids: Iterable<string>, passes: RelationPredicate): RelationRow[];
  /** Every passing relation. */
  abstract rows(passes: RelationPredicate): RelationRow[];
  /** The actors a passing relation links to `id`. */
  abstract neighbours(id: string, passes: RelationPredicate): Set<string>;
  /** Passing relations between `a` and `b`, either way. */
  abstract between(a: string, b: string, passes: RelationPredicate): RelationRow[];
  abstract hasActor(id: string): boolean;

  /** Each actor's strongest relations (neighborhood.ts), ranked when first asked for and forgotten when one of its relations changes. */
  private readonly ranked = new Map<string, RelationRow[]>();

  /** Forgets an actor's ranking: a subclass calls it whenever one of the actor's relations is set or dropped. */
  protected forget(id: string): void {
    this.ranked.delete(id);
  }

  /**
   * An actor's strongest relations passing `passes` (neighborhood.ts: at most HORIZON, strongest
   * first); without a predicate (no filter) they are ranked once and kept until one of them changes.
   */
  strongest(id: string, passes?: RelationPredicate): RelationRow[] {
    if (!this.hasActor(id)) return [];
    const cached = passes ? undefined : this.ranked.get(id);
    if (cached) return cached;
    const strongest = strongestOf(this.touching([id], passes ?? (() => true)));
    if (!passes) this.ranked.set(id, strongest);
    return strongest;
  }

  /** The neighbourhood rule (neighborhood.ts) over these relations; `passes` absent: no relation-level filter. */
  neighborhood(center: string, options: Pick<NeighborhoodOptions, 'depth' | 'limit' | 'maxEdges'>, passes?: RelationPredicate): Promise<Neighborhood> {
    return expandNeighborhood(center, options, async (ids) => new Map(ids.map((id) => [id, this.strongest(id, passes)])));
  }

  overview(bounds: GraphBounds, passes: RelationPredicate): Overview {
    return overview(this.rows(passes), bounds);
  }

  /** The shortest paths (paths.ts) as relations, with what was left out. */
  paths(from: string, to: string, { maxLength, k }: { maxLength: number; k: number }, passes: RelationPredicate) {
    const found = this.hasActor(from) && this.hasActor(to) ? shortestPaths(from, to, maxLength, (id) => this.neighbours(id, passes)) : [];
    return rankPaths(
      found,
      pathPairs(found).flatMap(([a, b]) => this.between(a!, b!, passes)),
      k,
    );
  }
}

export class RelationIndex extends RelationReads {
  private readonly graph = new MultiDirectedGraph<Record<string, never>, EdgeAttributes>({ allowSelfLoops: false });
  static of(rows: Iterable<RelationRow>): RelationIndex {
    const index = new RelationIndex();
    for (const row of rows) index.set(row);
    return index;
  }

  /** Puts a relation's aggregate in, or takes the relation out when `attributes` is undefined (no claims left). */
  set(row: RelationRow): void {
    const { key, source, target, attributes } = row;
    this.forget(source);
    this.forget(target);
    if (this.graph.hasEdge(key)) this.graph.replaceEdgeAttributes(key, attributes);
    else {
      this.graph.mergeNode(source);
      this.graph.mergeNode(target);
      this.graph.addDirectedEdgeWithKey(key, source, target, attributes);
    }
  }

  drop(key: string): void {
    if (!this.graph.hasEdge(key)) return;
    const [source, target] = this.graph.extremities(key);
    this.forget(source);
    this.forget(target);
    this.graph.dropEdge(key);
    for (const id of [source, target]) if (this.graph.degree(id) === 0) this.graph.dropNode(id);
  }

  get size(): number {
    return this.graph.size;
  }

  private row(key: string, attributes: EdgeAttributes, source: string, target: string): RelationRow {
    return { key, source, target, attributes };
  }

  touching(ids: Iterable<string>, passes: RelationPredicate): RelationRow[] {
    const rows = new Map<string, RelationRow>();
    for (const id of ids) {
      if (!this.graph.hasNode(id)) continue;
      this.graph.forEachEdge(id, (key, attributes, source, target) => {
        const row = this.row(key, attributes, source, target);
        if (!rows.has(key) && passes(row)) rows.set(key, row);
      });
    }
    return [...rows.values()];
  }

  rows(passes: RelationPredicate): RelationRow[] {
    const rows: RelationRow[] = [];
    this.graph.forEachEdge((key, attributes, source, target) => {
      const row = this.row(key, attributes, source, target);
      if (passes(row)) rows.push(row);
    });
    return rows;
  }

  neighbours(id: string, passes: RelationPredicate): Set<string> {
    const found = new Set<string>();
    this.graph.forEachEdge(id, (key, attributes, source, target) => {
      if (passes(this.row(key, attributes, source, target))) found.add(source === id ? target : source);
    });
    return found;
  }

  between(a: string, b: string, passes: RelationPredicate): RelationRow[] {
    return [...new Set([...this.graph.edges(a, b), ...this.graph.edges(b, a)])]
      .map((key) => this.row(key, this.graph.getEdgeAttributes(key), this.graph.source(key), this.graph.target(key)))
      .filter(passes);
  }

  hasActor(id: string): boolean {
    return this.graph.hasNode(id);
  }
}

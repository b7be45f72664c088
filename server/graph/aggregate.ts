/**
 * Claims → relations. Every claim of one relation (subject, type, object; symmetric types
 * regardless of direction) becomes one edge carrying its evidence counts, so both stores
 * hand the same claims to the same code and draw the same graph.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  type Certainty,
  Certainty as CertaintyEnum,
  type ClaimView,
  type EdgeAttributes,
  type GraphAttributes,
  type GraphFilters,
  isSymmetric,
  type NodeAttributes,
  type RelationType,
  SerializedGraph,
  SUPPORTING_CERTAINTIES,
  whenBounds,
} from '../domain/index.ts';

export type DyadGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The relation-level filters: they select aggregated edges, not claims. */
export type RelationThresholds = Pick<GraphFilters, 'minClaims' | 'minDocuments'>;

export interface Relation {
  key: string;
  source: string;
  target: string;
  type: RelationType;
}

/** `subject|TYPE|object`; for symmetric types the two ids in sorted order. */
export function relationOf(claim: Pick<ClaimView, 'subject' | 'type' | 'object'>): Relation {
  return relationBetween(claim.subject.id, claim.type, claim.object.id);
}

/** The relation a claim `subject –type→ object` belongs to, from the ends' ids. */
export function relationBetween(subject: string, type: RelationType, object: string): Relation {
  const [source, target] = isSymmetric(type) && object < subject ? [object, subject] : [subject, object];
  return { key: `${source}|${type}|${target}`, source, target, type };
}

/** The two ends of a relation, from its key (`source|TYPE|target`; actor ids hold no `|`). */
export function relationEnds(key: string): [string, string] {
  const [source, , target] = key.split('|');
  return [source!, target!];
}

/** The relation-level part of a filter set is applied by aggregate, the rest by the store. */
export function splitFilters(filters: GraphFilters): {
  claimFilters: Omit<GraphFilters, 'minClaims' | 'minDocuments'>;
  thresholds: RelationThresholds;
} {
  const { minClaims, minDocuments, ...claimFilters } = filters;
  return { claimFilters, thresholds: { minClaims, minDocuments } };
}

const emptyCounts = (): Record<Certainty, number> =>
  Object.fromEntries(CertaintyEnum.options.map((c) => [c, 0])) as Record<Certainty, number>;

/** What a relation's aggregate reads of each claim: both stores keep it at write time from these fields alone. */
export type Evidence = Pick<ClaimView, 'document' | 'certainty' | 'when'>;

/** The edge attributes of one relation's claims (all of the same relation). */
export function relationAttributes(type: RelationType, claims: readonly Evidence[]): EdgeAttributes {
  const documents = new Set<string>();
  const supporting = new Set<string>();
  const denying = new Set<string>();
  const certainty = emptyCounts();
  let first: { when: string; bounds: [string, string] } | undefined;
  let last: { when: string; bounds: [string, string] } | undefined;
  for (const c of claims) {
    documents.add(c.document);
    certainty[c.certainty] += 1;
    if (SUPPORTING_CERTAINTIES.has(c.certainty)) supporting.add(c.document);
    if (c.certainty === 'denied') denying.add(c.document);
    if (c.when) {
      const bounds = whenBounds(c.when);
      if (!first || compareWhen(bounds, c.when, first.bounds, first.when) < 0) first = { when: c.when, bounds };
      if (!last || compareWhen([bounds[1], bounds[0]], c.when, [last.bounds[1], last.bounds[0]], last.when) > 0) last = { when: c.when, bounds };
    }
  }
  return {
    type,
    symmetric: isSymmetric(type),
    claims: claims.length,
    documents: [...documents].sort(),
    certainty,
    supporting: supporting.size,
    denying: denying.size,
    contested: isContested(supporting, denying),
    ...(first ? { firstWhen: first.when } : {}),
    ...(last ? { lastWhen: last.when } : {}),
  };
}

/**
 * The aggregate of a relation's claims from the aggregates of two parts of them that share no
 * document (a relation's stored claims and those of documents new to it): the same attributes
 * relationAttributes gives over all the claims, without reading the stored ones. Documents,
 * supporting and denying sets are disjoint, so their sizes add, and a pair across the parts is
 * always two documents: contested if either part is, or one supports and the other denies.
 */
export function mergeDisjoint(a: EdgeAttributes, b: EdgeAttributes): EdgeAttributes {
  const certainty = emptyCounts();
  for (const c of CertaintyEnum.options) certainty[c] = a.certainty[c] + b.certainty[c];
  const firstWhen = pickWhen(a.firstWhen, b.firstWhen, (x, y) => compareWhen(whenBounds(x), x, whenBounds(y), y) < 0);
  const lastWhen = pickWhen(a.lastWhen, b.lastWhen, (x, y) => {
    const [xLo, xHi] = whenBounds(x);
    const [yLo, yHi] = whenBounds(y);
    return compareWhen([xHi, xLo], x, [yHi, yLo], y) > 0;
  });
  return {
    type: a.type,
    symmetric: a.symmetric,
    claims: a.claims + b.claims,
    documents: [...a.documents, ...b.documents].sort(),
    certainty,
    supporting: a.supporting + b.supporting,
    denying: a.denying + b.denying,
    contested: a.contested || b.contested || (a.supporting > 0 && b.denying > 0) || (b.supporting > 0 && a.denying > 0),
    ...(firstWhen ? { firstWhen } : {}),
    ...(lastWhen ? { lastWhen } : {}),
  };
}

/** The one of two optional `when`s that `before` prefers, or the one present. */
function pickWhen(x: string | undefined, y: string | undefined, before: (x: string, y: string) => boolean): string | undefined {
  if (x === undefined) return y;
  if (y === undefined) return x;
  return before(y, x) ? y : x;
}

/** Orders `when`s by their bounds (the first given first), then by text, so ties do not depend on claim order. */
function compareWhen(a: [string, string], aWhen: string, b: [string, string], bWhen: string): number {
  return compareKeys(a[0], b[0]) || compareKeys(a[1], b[1]) || compareKeys(aWhen, bWhen);
}

/**
 * Contested: one source supports the relation and another denies it (ontology.md). A single
 * document that reports both an accusation and its denial does not, on its own, contest it.
 */
function isContested(supporting: ReadonlySet<string>, denying: ReadonlySet<string>): boolean {
  for (const s of supporting) for (const d of denying) if (s !== d) return true;
  return false;
}

export function passesThresholds(edge: EdgeAttributes, thresholds: RelationThresholds): boolean {
  if (thresholds.minClaims !== undefined && edge.claims < thresholds.minClaims) return false;
  if (thresholds.minDocuments !== undefined && edge.supporting < thresholds.minDocuments) return false;
  return true;
}

/** Claims grouped by relation key, each group in the claims' order. */
export function groupByRelation(claims: readonly ClaimView[]): Map<string, { relation: Relation; claims: ClaimView[] }> {
  const groups = new Map<string, { relation: Relation; claims: ClaimView[] }>();
  for (const claim of claims) {
    const relation = relationOf(claim);
    const group = groups.get(relation.key);
    if (group) group.claims.push(claim);
    else groups.set(relation.key, { relation, claims: [claim] });
  }
  return groups;
}

/**
 * The aggregated graph of a claim list: one edge per relation passing the thresholds,
 * one node per actor such an edge touches. Nodes and edges are inserted in key order so
 * the output does not depend on the order a store returned claims in.
 */
export function aggregate(claims: readonly ClaimView[], thresholds: RelationThresholds = {}): DyadGraph {
  const graph: DyadGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  const actors = new Map(claims.flatMap((c) => [[c.subject.id, c.subject] as const, [c.object.id, c.object] as const]));
  const kept = [...groupByRelation(claims).values()]
    .map(({ relation, claims: group }) => ({ relation, attributes: relationAttributes(relation.type, group) }))
    .filter(({ attributes }) => passesThresholds(attributes, thresholds))
    .sort((x, y) => compareKeys(x.relation.key, y.relation.key));

  const nodeClaims = new Map<string, number>();
  for (const { relation, attributes } of kept)
    for (const id of [relation.source, relation.target]) nodeClaims.set(id, (nodeClaims.get(id) ?? 0) + attributes.claims);
  for (const id of [...nodeClaims.keys()].sort(compareKeys)) {
    const actor = actors.get(id)!;
    graph.addNode(id, { name: actor.name, kind: actor.kind, aliases: actor.aliases, claims: nodeClaims.get(id)! });
  }
  for (const { relation, attributes } of kept) graph.addEdgeWithKey(relation.key, relation.source, relation.target, attributes);
  return graph;
}

export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A graph in the API's serialised form (graphology's export, validated by the domain schema). */
export function serialize(graph: DyadGraph): SerializedGraph {
  return SerializedGraph.parse(graph.export());
}

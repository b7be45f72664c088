/**
 * Relations as both stores hand them to the shared shaping: a relation's key, its ends and
 * its aggregate (EdgeAttributes). Stores keep each relation's aggregate at write time
 * (relationAttributes over its claims), so a read without claim-level filters never touches
 * claims; a read with them aggregates the admitted claims of its scope with the same code.
 */
import {
  type ActorKind,
  type ActorRef,
  type ClaimFilters,
  type ClaimRecord,
  type EdgeAttributes,
  type GraphAttributes,
  type GraphFilters,
  type RelationType,
  type SerializedGraph,
} from '../domain/index.ts';
import { compareKeys, passesThresholds, relationAttributes, relationBetween, splitFilters } from './aggregate.ts';

export interface RelationRow {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}

/** The fields of a claim a relation's aggregate is computed from. */
export type RelationEvidence = Pick<ClaimRecord, 'subject' | 'type' | 'object' | 'document' | 'certainty' | 'when'>;

const CLAIM_LEVEL = ['documents', 'certainty', 'origin', 'from', 'to', 'reliability'] as const;

/**
 * The filters that select claims within a relation (documents, certainty, origin, time,
 * grade), or undefined when there are none. Types and kinds select whole relations (the
 * type is part of the key, kinds belong to the ends), minClaims and minDocuments select
 * aggregates: those apply to the kept aggregates directly.
 */
export function claimLevelFilters(filters: GraphFilters): ClaimFilters | undefined {
  return CLAIM_LEVEL.some((name) => filters[name] !== undefined) ? splitFilters(filters).claimFilters : undefined;
}

/** Whether any relation-level filter (types, kinds, minClaims, minDocuments) is set. */
export const hasRelationFilters = ({ types, kinds, minClaims, minDocuments }: GraphFilters): boolean =>
  [types, kinds, minClaims, minDocuments].some((value) => value !== undefined);

/** Whether a relation passes the relation-level filters; `kindOf` gives an end's kind. */
export type RelationPredicate = (row: RelationRow) => boolean;

export function relationPredicate(filters: GraphFilters, kindOf: (id: string) => ActorKind | undefined): RelationPredicate {
  const { types, kinds, minClaims, minDocuments } = filters;
  return (row) =>
    (types === undefined || types.includes(row.attributes.type)) &&
    (kinds === undefined || (kinds.includes(kindOf(row.source)!) && kinds.includes(kindOf(row.target)!))) &&
    passesThresholds(row.attributes, { minClaims, minDocuments });
}

/** The relations of some claims, aggregated (each relation's claims must all be among them). */
export function rowsFromClaims(claims: Iterable<RelationEvidence>): RelationRow[] {
  const groups = new Map<string, { source: string; target: string; type: RelationType; claims: RelationEvidence[] }>();
  for (const claim of claims) {
    const { key, source, target, type } = relationBetween(claim.subject, claim.type, claim.object);
    const group = groups.get(key);
    if (group) group.claims.push(claim);
    else groups.set(key, { source, target, type, claims: [claim] });
  }
  return [...groups].map(([key, { source, target, type, claims: group }]) => ({
    key,
    source,
    target,
    attributes: relationAttributes(type, group),
  }));
}

/** The weight that ranks relations and neighbours: claim count. */
export const weight = (row: RelationRow): number => row.attributes.claims;

/**
 * Relations as the API serves them: nodes are the relations' ends (their `claims` the sum
 * over their edges), plus `alone` nodes without edges; nodes and edges in key order, so the
 * answer does not depend on the order a store produced rows in.
 */
export function serializeRelations(
  rows: readonly RelationRow[],
  ref: (id: string) => ActorRef,
  attributes: GraphAttributes,
  alone: readonly string[] = [],
): SerializedGraph {
  const nodeClaims = new Map<string, number>(alone.map((id) => [id, 0]));
  for (const row of rows)
    for (const id of [row.source, row.target]) nodeClaims.set(id, (nodeClaims.get(id) ?? 0) + row.attributes.claims);
  const nodes = [...nodeClaims.keys()].sort(compareKeys).map((key) => {
    const { name, kind, aliases } = ref(key);
    return { key, attributes: { name, kind, aliases, claims: nodeClaims.get(key)! } };
  });
  const edges = [...rows]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ key, source, target, attributes: edge }) => ({ key, source, target, attributes: edge }));
  return { options: { type: 'directed', multi: true, allowSelfLoops: false }, attributes, nodes, edges };
}

export const untruncated = (): GraphAttributes => ({ truncated: false, omittedNodes: 0, omittedEdges: 0 });

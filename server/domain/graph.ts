/**
 * Graphs as the API serves them: graphology's serialised form, so the client imports
 * them as they arrive. Nodes are actors; an edge aggregates every claim of one relation.
 */
import { z } from 'zod';
import { ActorKind, Certainty, DocumentId, RelationType } from './ontology.ts';

export const NodeAttributes = z.object({
  name: z.string(),
  kind: ActorKind,
  aliases: z.array(z.string()),
  /** Claims (after filtering) that touch this actor. */
  claims: z.number().int().nonnegative(),
});
export type NodeAttributes = z.infer<typeof NodeAttributes>;

export const CertaintyCounts = z.object(
  Object.fromEntries(Certainty.options.map((c) => [c, z.number().int().nonnegative()])) as Record<
    Certainty,
    z.ZodNumber
  >,
);
export type CertaintyCounts = z.infer<typeof CertaintyCounts>;

/** Where a relation stands when two sources are compared. */
export const CompareSide = z.enum(['a', 'b', 'both', 'contradicted']);
export type CompareSide = z.infer<typeof CompareSide>;

export const EdgeAttributes = z.object({
  type: RelationType,
  /** true for ALLIED_WITH and RIVAL_OF: source and target are in id order, not a direction. */
  symmetric: z.boolean(),
  claims: z.number().int().positive(),
  documents: z.array(DocumentId),
  certainty: CertaintyCounts,
  /** Distinct documents asserting, reporting or alleging the relation. */
  supporting: z.number().int().nonnegative(),
  /** Distinct documents in which a party denies it. */
  denying: z.number().int().nonnegative(),
  /** Supported by one source and denied by another. */
  contested: z.boolean(),
  firstWhen: z.string().optional(),
  lastWhen: z.string().optional(),
  /** Only in compare responses. */
  side: CompareSide.optional(),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributes>;

export const GraphAttributes = z.object({
  /** Set when a hub cap or limit left part of the graph out. */
  truncated: z.boolean().default(false),
  omittedNodes: z.number().int().nonnegative().default(0),
  omittedEdges: z.number().int().nonnegative().default(0),
  /** The whole graph's size under the same filters (overviews: /api/graph). */
  totalNodes: z.number().int().nonnegative().optional(),
  totalEdges: z.number().int().nonnegative().optional(),
});
export type GraphAttributes = z.infer<typeof GraphAttributes>;

export const SerializedGraph = z.object({
  options: z.object({ type: z.literal('directed'), multi: z.literal(true), allowSelfLoops: z.boolean() }),
  attributes: GraphAttributes,
  nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributes })),
  edges: z.array(
    z.object({ key: z.string(), source: z.string(), target: z.string(), attributes: EdgeAttributes }),
  ),
});
export type SerializedGraph = z.infer<typeof SerializedGraph>;

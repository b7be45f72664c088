import { z } from 'zod';
import { ActorKind, Certainty, DocumentId, Origin, RelationType, Reliability } from './ontology.ts';

/** `a,b` or repeated `?x=a&x=b` query values become one array. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(','));
    const items = parts.map((s) => s.trim()).filter((s) => s.length > 0);
    return items.length > 0 ? items : undefined;
  }, z.array(item).optional());

/** Query strings say `true`/`false`; z.coerce.boolean would read "false" as true. */
export const queryBoolean = z.preprocess(
  (v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v),
  z.boolean(),
);

const yearOrDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO date or partial date (2023, 2023-07, 2023-07-30)');

/**
 * The one filter set of every graph route (and of the client's view state).
 * Claim-level filters select claims; minClaims and minDocuments select aggregated relations.
 */
export const GraphFilters = z
  .object({
    documents: list(DocumentId),
    types: list(RelationType),
    certainty: list(Certainty),
    kinds: list(ActorKind),
    origin: list(Origin),
    /** Keep claims whose `when` overlaps [from, to]; undated claims drop out once either is set. */
    from: yearOrDate.optional(),
    to: yearOrDate.optional(),
    minClaims: z.coerce.number().int().min(1).optional(),
    /** Corroboration: relations supported by at least N distinct documents. */
    minDocuments: z.coerce.number().int().min(1).optional(),
    /** The lowest source grade admitted (A best … E; F admits every grade). */
    reliability: Reliability.optional(),
  })
  .strict();
export type GraphFilters = z.infer<typeof GraphFilters>;

/** Claim-level part of the filters, the part a store applies itself. */
export type ClaimFilters = Omit<GraphFilters, 'minClaims' | 'minDocuments'>;

export const Paging = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** A query for evidence: the filters plus who, what and where. */
export const ClaimQuery = GraphFilters.omit({ minClaims: true, minDocuments: true })
  .extend({
    subject: z.string().optional(),
    object: z.string().optional(),
    /** Either end of the claim. */
    actor: z.string().optional(),
    type: RelationType.optional(),
    document: DocumentId.optional(),
    /** Treat subject/object as unordered (symmetric relations, edge evidence). */
    undirected: queryBoolean.optional(),
  })
  .extend(Paging.shape)
  .strict();
export type ClaimQuery = z.infer<typeof ClaimQuery>;

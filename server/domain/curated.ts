/** The files an analyst writes under seeds/: the gazetteer and curated claims. */
import { z } from 'zod';
import { Actor, Certainty, ClaimDetail, RelationType, When } from './ontology.ts';

/** seeds/actors.yaml */
export const Gazetteer = z.object({ actors: z.array(Actor.strict()).min(1) }).strict();
export type Gazetteer = z.infer<typeof Gazetteer>;

/**
 * One curated claim in seeds/claims/<document id>.yaml. Subject and object are actor ids
 * (or any name or alias the gazetteer knows); offsets are computed from the quote, never
 * written by hand. `occurrence` picks the n-th match when the quote occurs more than once.
 */
export const CuratedClaim = z
  .object({
    subject: z.string().min(1),
    type: RelationType,
    object: z.string().min(1),
    certainty: Certainty,
    quote: z.string().min(1),
    occurrence: z.number().int().min(1).optional(),
    attributedTo: z.string().min(1).optional(),
    /** A bare year in YAML (`when: 2023`) is a number; read it as the year it means. */
    when: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), When).optional(),
    note: z.string().optional(),
  })
  .extend(ClaimDetail.shape)
  .strict();
export type CuratedClaim = z.infer<typeof CuratedClaim>;

/**
 * An extracted claim an analyst rejected: extracting the document again does not bring it
 * back. Named as a curated claim is (actors by id or alias, the quote, its occurrence).
 */
export const RejectedClaim = CuratedClaim.pick({ subject: true, type: true, object: true, quote: true, occurrence: true }).strict();
export type RejectedClaim = z.infer<typeof RejectedClaim>;

export const CuratedClaimsFile = z.object({ claims: z.array(CuratedClaim), rejected: z.array(RejectedClaim).optional() }).strict();
export type CuratedClaimsFile = z.infer<typeof CuratedClaimsFile>;

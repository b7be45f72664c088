/**
 * The analyst's writes (issue 12, /tmp ANNOTATE-API contract): claims made, corrected,
 * reviewed and retracted over the API, new actors, and the history that keeps every change.
 */
import { z } from 'zod';
import {
  ActorId,
  ActorKind,
  Certainty,
  ClaimDetail,
  ClaimRecord,
  ClaimView,
  DocumentId,
  RelationType,
  When,
} from './ontology.ts';

export const Revision = z.coerce.number().int().min(1);

/** POST /api/claims: a curated claim at an exact span of a document (text.slice(start, end) === quote). */
export const ClaimDraft = z
  .object({
    document: DocumentId,
    subject: ActorId,
    type: RelationType,
    object: ActorId,
    certainty: Certainty,
    quote: z.string().min(1).max(10_000),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    attributedTo: z.string().min(1).max(500).optional(),
    when: When.optional(),
    note: z.string().max(10_000).optional(),
  })
  .extend(ClaimDetail.shape)
  .strict();
export type ClaimDraft = z.infer<typeof ClaimDraft>;

/**
 * PATCH /api/claims/:id: the revision the analyst saw, and the fields to change (any draft
 * field but the document); attributedTo, when and note may be null to clear them.
 */
export const ClaimPatch = ClaimDraft.omit({ document: true, attributedTo: true, when: true, note: true })
  .partial()
  .extend({
    revision: z.number().int().min(1),
    attributedTo: ClaimDraft.shape.attributedTo.unwrap().nullable().optional(),
    when: When.nullable().optional(),
    note: ClaimDraft.shape.note.unwrap().nullable().optional(),
  })
  .strict();
export type ClaimPatch = z.infer<typeof ClaimPatch>;

/** POST /api/claims/:id/review: an extracted claim accepted (it becomes curated) or rejected. */
export const ReviewDecision = z.object({ decision: z.enum(['accept', 'reject']), revision: z.number().int().min(1) }).strict();
export type ReviewDecision = z.infer<typeof ReviewDecision>;

/** DELETE /api/claims/:id?revision=N */
export const RetractQuery = z.object({ revision: Revision }).strict();

export const HistoryAction = z.enum(['create', 'update', 'correct', 'accept', 'reject', 'retract']);
export type HistoryAction = z.infer<typeof HistoryAction>;

/** One recorded change: who (the token's analyst), when, and the claim before and after. */
export const HistoryEntry = z.object({
  at: z.iso.datetime(),
  analyst: z.string().min(1),
  action: HistoryAction,
  /** The claim's id after the change (the retracted or rejected id for those). */
  claim: z.string(),
  /** The id before, when the change gave the claim a new one. */
  previousId: z.string().optional(),
  before: ClaimView.optional(),
  after: ClaimView.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const ClaimHistory = z.object({ items: z.array(HistoryEntry) });
export type ClaimHistory = z.infer<typeof ClaimHistory>;

/** POST /api/actors: a new gazetteer actor; its id is the slug of the name unless given. */
export const NewActor = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: ActorKind,
    aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
    description: z.string().max(2_000).optional(),
    id: ActorId.max(100).optional(),
  })
  .strict();
export type NewActor = z.infer<typeof NewActor>;

/** GET /api/session: whose token this is. */
export const Session = z.object({ analyst: z.string() });
export type Session = z.infer<typeof Session>;

export const ClaimResponse = z.object({ claim: ClaimView });
export type ClaimResponse = z.infer<typeof ClaimResponse>;

/**
 * A document's rejected extracted claim, kept by the store so that extracting the document
 * again does not bring it back (the claim id is content-derived, so the same extraction gives it again).
 */
export const Rejection = z.object({
  id: z.string().min(1),
  document: DocumentId,
  subject: ActorId,
  type: RelationType,
  object: ActorId,
  quote: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type Rejection = z.infer<typeof Rejection>;

/**
 * One claim change as a store applies it, all or nothing: the claim at `expected` (id and
 * revision, checked under the store's lock) is replaced by `claim` (absent: removed), the
 * history entry recorded, the rejection kept. Planned by server/store/claim-changes.ts.
 */
export const ClaimChange = z.object({
  document: DocumentId,
  expected: z.object({ id: z.string(), revision: z.number().int().min(1) }).optional(),
  claim: ClaimRecord.optional(),
  history: HistoryEntry,
  rejection: Rejection.optional(),
});
export type ClaimChange = z.infer<typeof ClaimChange>;

/**
 * The claim ontology (design/ontology.md) as zod schemas: the one vocabulary of dyad.
 * Ingest, stores, API and client import these; types are inferred, never restated.
 */
import { z } from 'zod';

export const ActorKind = z.enum(['group', 'state', 'organization', 'person', 'place', 'event']);
export type ActorKind = z.infer<typeof ActorKind>;

export const RelationType = z.enum([
  'SUPPORTS',
  'ALLIED_WITH',
  'AFFILIATE_OF',
  'RIVAL_OF',
  'CLASHES_WITH',
  'COUNTERS',
  'PERPETRATED',
  'MEMBER_OF',
  'OPERATES_IN',
  'RECRUITS_FROM',
  'ACCUSES',
  'PRESSURES',
  'LOCATED_IN',
]);
export type RelationType = z.infer<typeof RelationType>;

export const Certainty = z.enum(['asserted', 'reported', 'alleged', 'speculative', 'denied']);
export type Certainty = z.infer<typeof Certainty>;

/** Certainties that count a document as supporting a relation (corroboration). */
export const SUPPORTING_CERTAINTIES: ReadonlySet<Certainty> = new Set(['asserted', 'reported', 'alleged']);

export const Origin = z.enum(['curated', 'extracted']);
export type Origin = z.infer<typeof Origin>;

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const Reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export type Reliability = z.infer<typeof Reliability>;

/** A grade is admitted by a threshold when it is at least as good; F (unjudged) only by F. */
export const admitsReliability = (threshold: Reliability, grade: Reliability): boolean =>
  Reliability.options.indexOf(grade) <= Reliability.options.indexOf(threshold);

export const SupportMode = z.enum(['material', 'financial', 'logistical', 'training', 'sanctuary', 'political']);
export type SupportMode = z.infer<typeof SupportMode>;

export const MemberRole = z.enum(['leader', 'commander', 'spokesperson', 'recruiter', 'coordinator', 'official', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

export const ActorId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an actor id is lower-case letters, digits and hyphens');
export type ActorId = z.infer<typeof ActorId>;

export const DocumentId = z
  .string()
  .max(100, 'a document id is at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a document id is letters, digits, dot, dash and underscore');
export type DocumentId = z.infer<typeof DocumentId>;

const PartialDate = /\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?/.source;
/** An ISO date, partial date, or interval with open ends: 2023-07, 2025-03-14, 2021/.., ../2001, 2019/2021. */
export const When = z
  .string()
  .regex(new RegExp(`^(?:${PartialDate}|(?:${PartialDate}|\\.\\.)/(?:${PartialDate}|\\.\\.))$`), 'when is an ISO (partial) date or an interval like 2021/.. ');
export type When = z.infer<typeof When>;

export const Actor = z.object({
  id: ActorId,
  name: z.string().min(1),
  kind: ActorKind,
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

/** How an actor appears inside a claim: enough to draw and search it. */
export const ActorRef = Actor.pick({ id: true, name: true, kind: true, aliases: true });
export type ActorRef = z.infer<typeof ActorRef>;

/** The relation-specific detail a claim may carry. */
export const ClaimDetail = z.object({
  mode: z.array(SupportMode).min(1).optional(),
  role: MemberRole.optional(),
  claimed: z.boolean().optional(),
});

/** A claim as stored: one document says subject –type→ object, in the quoted words at [start, end). */
export const ClaimRecord = z
  .object({
    id: z.string().min(1),
    document: DocumentId,
    subject: ActorId,
    type: RelationType,
    object: ActorId,
    certainty: Certainty,
    attributedTo: z.string().min(1).optional(),
    when: When.optional(),
    quote: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    origin: Origin,
    confidence: z.number().min(0).max(1).optional(),
    note: z.string().optional(),
    /** 1 after ingest (absent), +1 on every change an analyst makes (server/domain/annotation.ts). */
    revision: z.number().int().min(1).optional(),
  })
  .extend(ClaimDetail.shape)
  .refine((c) => c.end > c.start && c.end - c.start === c.quote.length, {
    message: 'end - start must equal the quote length',
    path: ['end'],
  });
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/**
 * A claim as read back (CLI `dyad claims`, `dyad extract`, API): actors expanded,
 * the document's title and grade beside its id.
 */
export const ClaimView = z
  .object({
    id: z.string(),
    document: DocumentId,
    documentTitle: z.string(),
    reliability: Reliability,
    subject: ActorRef,
    type: RelationType,
    object: ActorRef,
    certainty: Certainty,
    attributedTo: z.string().optional(),
    when: When.optional(),
    quote: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    origin: Origin,
    confidence: z.number().optional(),
    note: z.string().optional(),
    /** 1 after ingest; +1 on every change. A write names the revision it saw (409 when stale). */
    revision: z.number().int().min(1).default(1),
  })
  .extend(ClaimDetail.shape);
export type ClaimView = z.infer<typeof ClaimView>;

/** One line of `dyad claims` and `dyad extract` (architecture.md): a claim view without document display fields. */
export const ClaimLine = ClaimView.omit({ documentTitle: true, reliability: true, revision: true });
export type ClaimLine = z.infer<typeof ClaimLine>;

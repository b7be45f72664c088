import { z } from 'zod';
import { DocumentId, Reliability } from './ontology.ts';
import { CuratedClaim } from './curated.ts';

/** 2024-02-29 is a day, 2023-02-29 and 2023-99-99 are not; a year or year-month needs a real month. */
function isCalendarDate(date: string): boolean {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A character range [start, end) of a document's text. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;

/**
 * Which lines of a text are the article. Web captures carry teasers, link lists and
 * repeated bodies; claims may only quote the article.
 */
export const BodyRule = z
  .object({
    /** The article starts after the first line equal to this text. */
    startAfter: z.string().min(1).optional(),
    /** The article ends before the first line (after the start) equal to this text. */
    endBefore: z.string().min(1).optional(),
    /** Lines matching any of these regular expressions are not article text. */
    excludeLines: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type BodyRule = z.infer<typeof BodyRule>;

/** A document's metadata, as an analyst writes it in seeds/<id>.meta.yaml. */
export const DocumentMeta = z
  .object({
    id: DocumentId,
    title: z.string().min(1),
    outlet: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
    date: z
      .preprocess(
        (v) => (typeof v === 'number' ? String(v) : v),
        z
          .string()
          .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date is an ISO (partial) date')
          .refine(isCalendarDate, 'date is not a day of the calendar'),
      )
      .optional(),
    url: z.url({ protocol: /^https?$/, error: 'url is an http(s) URL' }).optional(),
    language: z.string().min(2).default('en'),
    reliability: Reliability.default('F'),
    reliabilityNote: z.string().optional(),
    body: BodyRule.optional(),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** A document as stored: metadata, the verbatim text, where its article lies, and a content hash. */
export const DocumentRecord = DocumentMeta.omit({ body: true }).extend({
  text: z.string(),
  body: z.array(Span),
  /** sha256 over text, metadata and claims: an unchanged hash means re-ingest changes nothing. */
  hash: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const DocumentSummary = DocumentRecord.omit({ text: true, body: true }).extend({
  claims: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** A raw document posted to the API: text and metadata, optionally with the analyst's claims. */
export const DocumentSubmission = DocumentMeta.omit({ id: true })
  .extend({
    /** Defaults to a slug of the title and a digest of the text. */
    id: DocumentId.optional(),
    text: z.string().min(1).max(1_000_000),
    claims: z.array(CuratedClaim).optional(),
    /** false: only the given claims, as `dyad ingest` takes a document with a claims file. */
    extract: z.boolean().default(true),
  })
  .strict();
export type DocumentSubmission = z.infer<typeof DocumentSubmission>;

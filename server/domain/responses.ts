/** What the REST API answers beyond the store's own shapes (architecture.md, REST API). */
import { z } from 'zod';
import { DocumentRecord } from './document.ts';
import { CompareSide, SerializedGraph } from './graph.ts';
import { ClaimView, DocumentId } from './ontology.ts';
import { UpsertOutcome } from './store-types.ts';

/** GET /api/documents/:id: the text, where its article lies, and every claim with its offsets. */
export const DocumentDetail = DocumentRecord.extend({ claims: z.array(ClaimView) });
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/** GET /api/claims: one page of evidence. */
export const ClaimPage = z.object({
  total: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  items: z.array(ClaimView),
});
export type ClaimPage = z.infer<typeof ClaimPage>;

/** GET /api/compare: the union graph (each edge with its `side`) and the relation keys per side. */
export const CompareResult = z.object({
  graph: SerializedGraph,
  relations: z.object(
    Object.fromEntries(CompareSide.options.map((side) => [side, z.array(z.string())])) as Record<
      CompareSide,
      z.ZodArray<z.ZodString>
    >,
  ),
});
export type CompareResult = z.infer<typeof CompareResult>;

/** POST /api/documents. */
export const SubmissionResult = z.object({
  document: DocumentId,
  outcome: UpsertOutcome,
  claims: z.number().int().nonnegative(),
});
export type SubmissionResult = z.infer<typeof SubmissionResult>;

/** Every API error, as application/problem+json (RFC 9457). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  /** The query parameter, path parameter or body field at fault. */
  parameter: z.string().optional(),
  /** Each problem when there are several (a rejected submission). */
  problems: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof Problem>;

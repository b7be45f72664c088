/**
 * A document posted over HTTP into a GraphStore: the analyst's claims (if any) plus claims
 * extracted in a worker (extract-pool.ts); curated wins. A new id is created; an existing
 * one is replaced only when the caller says so (PUT, or POST with replace=true), and even
 * then the document's curated claims survive a submission that brings none of its own.
 */
import { createHash } from 'node:crypto';
import { type ClaimRecord, DocumentMeta, type DocumentRecord, type DocumentSubmission, type SubmissionResult } from '../domain/index.ts';
import { Conflict, InvalidInput, InvalidInputs, NotFound } from '../errors.ts';
import { toRecord } from '../store/claim-changes.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { type AliasIndex, slugName } from './alias-index.ts';
import { articleBody } from './article-body.ts';
import { assembleDocument, mergeClaims } from './corpus.ts';
import type { ExtractionPool } from './extract-pool.ts';

export interface SubmissionOptions {
  /** The caller means to replace a document with this id, if there is one. */
  replace: boolean;
}

// Check-then-write per document id, one at a time in this process, so two submissions of
// one id cannot both pass the existence check.
const writing = new Map<string, Promise<unknown>>();

export async function ingestSubmission(
  store: GraphStore,
  submission: DocumentSubmission,
  index: AliasIndex,
  pool: ExtractionPool,
  options: SubmissionOptions,
): Promise<SubmissionResult> {
  const { claims, text, id: given, extract, ...meta } = submission;
  const id = given ?? submissionId(submission.title, text);
  const body = articleBody(text, meta.body);
  if ('error' in body) throw new InvalidInput(`body: ${body.error}`, { parameter: 'body' });
  // A submission that brings its own claims may skip extraction (`dyad ingest` to a server does).
  const extracted = extract || !claims ? await pool.extract({ document: id, text, body: body.spans }, index) : { claims: [], actors: [] };
  return exclusively(id, async () => {
    const previous = await store.getDocument(id).catch((error: unknown) => {
      if (error instanceof NotFound) return undefined;
      throw error;
    });
    const kept = previous && !claims ? await curatedClaimsKept(store, previous, text) : [];
    const prepared = assembleDocument(
      {
        id,
        text,
        // Parsed again so its fields hash in the order a meta.yaml's do: the same document, the same hash.
        meta: DocumentMeta.parse({ ...meta, id }),
        metaSource: 'body',
        curated: claims && { claims, where: (i) => ({ label: `body.claims[${i}]` }) },
        extractor: () => ({ claims: mergeClaims(kept, extracted.claims), actors: extracted.actors }),
        mergeExtracted: true,
      },
      index,
    );
    if (!prepared.upsert) throw new InvalidInputs(prepared.problems.length ? prepared.problems : [new InvalidInput('document rejected')]);
    if (previous && previous.hash !== prepared.upsert.document.hash && !options.replace)
      throw new Conflict(
        `document '${id}' exists; replace it with PUT /api/documents/${id} or POST ?replace=true, or choose another id`,
      );
    const outcome = await store.putDocument(prepared.upsert);
    return { document: id, outcome, claims: prepared.upsert.claims.length };
  });
}

/**
 * The curated claims of `previous` that a claim-less resubmission keeps. Their offsets hold
 * only over the same text: a new text would silently drop them, so that is refused.
 */
async function curatedClaimsKept(store: GraphStore, previous: DocumentRecord, text: string): Promise<ClaimRecord[]> {
  const curated = (await store.allClaims({ documents: [previous.id] })).filter((c) => c.origin === 'curated');
  if (curated.length > 0 && previous.text !== text)
    throw new Conflict(
      `document '${previous.id}' has ${curated.length} curated claims that do not fit the new text; submit the claims to keep in \`claims\``,
    );
  return curated.map(toRecord);
}

async function exclusively<T>(id: string, write: () => Promise<T>): Promise<T> {
  const run = (writing.get(id) ?? Promise.resolve()).then(write);
  const settled = run.catch(() => undefined);
  writing.set(id, settled);
  void settled.then(() => {
    if (writing.get(id) === settled) writing.delete(id);
  });
  return run;
}

/** A readable, stable id: the title's slug and a digest of the text. */
function submissionId(title: string, text: string): string {
  const slug = slugName(title, 48) || 'document';
  return `${slug}_${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

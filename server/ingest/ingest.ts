/**
 * Documents into a GraphStore. The gazetteer goes in first (so search knows every actor),
 * then each document with its claims, atomically: a document with one bad claim is rejected
 * whole while the others load. Unchanged documents are not rewritten.
 */
import { createHash } from 'node:crypto';
import { DocumentMeta, type DocumentSubmission, type UpsertOutcome } from '../domain/index.ts';
import { InvalidInput, InvalidInputs } from '../errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { AliasIndex } from './alias-index.ts';
import { normalizeName } from './alias-index.ts';
import { assembleDocument, discoverDocuments, type Extractor, prepareDocument } from './corpus.ts';
import { gazetteerFiles, loadGazetteer } from './gazetteer.ts';

export interface IngestSummary {
  documents: number;
  created: number;
  updated: number;
  unchanged: number;
  actorsChanged: number;
  claims: number;
  rejected: Array<{ document: string; problems: string[] }>;
}

export interface IngestOptions {
  /** Documents to ingest: directories (every *.txt) or .txt files. */
  paths: string[];
  /** Where actors.yaml lives. */
  seedsDir: string;
  onProgress?: (done: number, total: number, document: string) => void;
}

/** The extractor is loaded only when a document has no curated claims. */
const loadExtractor = async (): Promise<Extractor> => (await import('./extract/index.ts')).extract;

/** The seeds' gazetteer, extended by the actors.yaml beside the documents under `paths`. */
export async function loadIndex(seedsDir: string, paths: string[] = []): Promise<AliasIndex> {
  const { index, problems } = await loadGazetteer(...(await gazetteerFiles(seedsDir, paths)));
  if (problems.length > 0) throw new InvalidInputs(problems);
  return index;
}

export async function ingest(store: GraphStore, options: IngestOptions): Promise<IngestSummary> {
  const index = await loadIndex(options.seedsDir, options.paths);
  const sources = await discoverDocuments(options.paths);
  const summary: IngestSummary = { documents: sources.length, created: 0, updated: 0, unchanged: 0, actorsChanged: 0, claims: 0, rejected: [] };
  summary.actorsChanged = await store.putActors(index.actors);
  let extractor: Extractor | undefined;
  for (const [i, files] of sources.entries()) {
    if (!files.claimsPath) extractor ??= await loadExtractor();
    const prepared = await prepareDocument(files, index, extractor);
    if (prepared.upsert) {
      const outcome = await store.putDocument(prepared.upsert);
      summary[outcome] += 1;
      summary.claims += prepared.upsert.claims.length;
    } else {
      summary.rejected.push({ document: files.id, problems: prepared.problems.map((p) => p.message) });
    }
    options.onProgress?.(i + 1, sources.length, files.id);
  }
  return summary;
}

/** One line that always ends an ingest. */
export function describeSummary(s: IngestSummary): string {
  const changed = s.created + s.updated;
  const verdict = changed === 0 && s.actorsChanged === 0 && s.rejected.length === 0 ? ' (nothing changed)' : '';
  return (
    `ingest: ${s.documents} documents: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ` +
    `${s.rejected.length} rejected; ${s.claims} claims; ${s.actorsChanged} actors changed${verdict}`
  );
}

/** A document posted over HTTP: the analyst's claims (if any) plus extracted ones unless `extract: false`; curated wins. */
export async function ingestSubmission(
  store: GraphStore,
  submission: DocumentSubmission,
  index: AliasIndex,
): Promise<{ document: string; outcome: UpsertOutcome; claims: number }> {
  const { claims, text, id: given, extract, ...meta } = submission;
  const id = given ?? submissionId(submission.title, text);
  const prepared = assembleDocument(
    {
      id,
      text,
      // Parsed again so its fields hash in the order a meta.yaml's do: the same document, the same hash.
      meta: DocumentMeta.parse({ ...meta, id }),
      metaSource: 'body',
      curated: claims && { claims, where: (i) => ({ label: `body.claims[${i}]` }) },
      ...(extract || !claims ? { extractor: await loadExtractor(), mergeExtracted: true } : {}),
    },
    index,
  );
  if (!prepared.upsert) throw new InvalidInputs(prepared.problems.length ? prepared.problems : [new InvalidInput('document rejected')]);
  const outcome = await store.putDocument(prepared.upsert);
  return { document: id, outcome, claims: prepared.upsert.claims.length };
}

/** A readable, stable id: the title's slug and a digest of the text. */
function submissionId(title: string, text: string): string {
  const slug = normalizeName(title).replace(/ /g, '-').slice(0, 48).replace(/-+$/, '') || 'document';
  return `${slug}_${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}

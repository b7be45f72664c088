/**
 * Documents into a GraphStore. The gazetteer goes in first (so search knows every actor),
 * then each document with its claims, atomically: a document with one bad claim is rejected
 * whole while the others load. Unchanged documents are not rewritten.
 */
import { join } from 'node:path';
import { InvalidInputs } from '../errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { AliasIndex } from './alias-index.ts';
import { discoverDocuments, type Extractor, prepareDocument } from './corpus.ts';
import { loadGazetteer } from './gazetteer.ts';

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

export async function loadIndex(seedsDir: string): Promise<AliasIndex> {
  const { index, problems } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
  if (problems.length > 0) throw new InvalidInputs(problems);
  return index;
}

export async function ingest(store: GraphStore, options: IngestOptions): Promise<IngestSummary> {
  const index = await loadIndex(options.seedsDir);
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

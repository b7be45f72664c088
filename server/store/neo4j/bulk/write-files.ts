/**
 * Documents into neo4j-admin CSV files (bulk-graph.ts), prepared as `dyad ingest` prepares them:
 * the gazetteer of the seeds extended by the actors.yaml beside the documents, documents found
 * as ingest finds them and prepared as ingest prepares them (preparedBatches: worker threads a
 * few batches ahead of the writer). A document with problems is rejected, the others written.
 * The relations' external sort runs in a folder beside the output folder, removed at the end
 * (also on failure).
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInput } from '../../../errors.ts';
import { discoverDocuments } from '../../../ingest/corpus.ts';
import { emptySummary, type IngestSummary, loadIndex, preparedBatches } from '../../../ingest/ingest.ts';
import { BulkGraph, type ImportManifest } from './bulk-graph.ts';

export interface WriteFilesOptions {
  /** Documents: directories (every *.txt) or .txt files. */
  paths: string[];
  /** Where actors.yaml lives. */
  seedsDir: string;
  /** An empty (or new) folder for the files. */
  out: string;
  onProgress?: (done: number, total: number) => void;
  /** Documents per preparation task. */
  batchSize?: number;
  threads?: number;
}

/** Writes the import files; the summary counts every document written as created. */
export async function writeImportFiles(options: WriteFilesOptions): Promise<{ summary: IngestSummary; manifest: ImportManifest }> {
  await mkdir(options.out, { recursive: true });
  if ((await readdir(options.out)).length > 0) throw new InvalidInput(`${options.out}: the folder for the import files must be empty`, { file: options.out });
  const index = await loadIndex(options.seedsDir, options.paths);
  const sources = await discoverDocuments(options.paths);
  const summary = emptySummary(sources.length);
  const sortDir = await mkdtemp(`${resolve(options.out)}-sort-`);
  try {
    const graph = new BulkGraph(options.out, sortDir);
    graph.putActors(index.actors);
    let done = 0;
    for await (const batch of preparedBatches(sources, index, options)) {
      for (const p of batch) {
        if (!p.upsert) summary.rejected.push({ document: p.id, problems: p.problems });
        else {
          try {
            summary.claims += await graph.putDocument(p.upsert);
            summary.created += 1;
          } catch (error) {
            if (!(error instanceof InvalidInput)) throw error;
            summary.rejected.push({ document: p.id, problems: [error.message] });
          }
        }
        done += 1;
      }
      options.onProgress?.(done, sources.length);
    }
    const manifest = await graph.finish();
    summary.actorsChanged = manifest.counts.actors;
    return { summary, manifest };
  } finally {
    await rm(sortDir, { recursive: true, force: true });
  }
}

/** Prepares a batch of documents for the store, in a worker (prepare-worker.ts) or in this thread. */
import type { DocumentUpsert } from '../store/graph-store.ts';
import type { AliasIndex } from './alias-index.ts';
import { type Extractor, prepareDocument, type ReadText, type SourceFiles } from './corpus.ts';

/** One document, ready to write (`upsert`) or rejected with its problems. */
export interface PreparedDocument {
  id: string;
  upsert?: DocumentUpsert;
  problems: string[];
}

/** The extractor is loaded only when a document has no curated claims. */
export const loadExtractor = async (): Promise<Extractor> => (await import('./extract/index.ts')).extract;

/**
 * Problems travel as messages (errors cross a thread boundary without their class); a failure
 * that is not a problem with the document, such as an unreadable file, is rethrown naming the file.
 */
export function batchPreparer(index: AliasIndex, read?: ReadText): (batch: SourceFiles[]) => Promise<PreparedDocument[]> {
  let extractor: Promise<Extractor> | undefined;
  return async (batch) =>
    // The batch's documents at once: their file reads overlap (a document is mostly waiting on
    // small reads; with synchronous reads, they run one after the other), the parsing between
    // them runs one at a time on this thread.
    Promise.all(
      batch.map(async (files): Promise<PreparedDocument> => {
        try {
          const extract = files.claimsPath ? undefined : await (extractor ??= loadExtractor());
          const { upsert, problems } = await prepareDocument(files, index, extract, read);
          return { id: files.id, upsert, problems: problems.map((p) => p.message) };
        } catch (error) {
          throw new Error(`${files.textPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      }),
    );
}

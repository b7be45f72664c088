/**
 * `dyad ingest` against a running dyad server: the same documents, checks, progress and summary
 * as a local ingest, each document sent as one request (so each is in whole or not at all).
 * Every document is first checked here, so a bad file is named by file and line and never sent.
 * Requests ask for replace semantics explicitly (`replace=true`): re-sending a document
 * updates it or changes nothing, as a local re-ingest does.
 */
import { DocumentSubmission, Problem, SubmissionResult } from '../domain/index.ts';
import { InvalidInput, StoreUnavailable } from '../errors.ts';
import type { AliasIndex } from './alias-index.ts';
import { assembleDocument, discoverDocuments, readDocumentParts, type SourceFiles } from './corpus.ts';
import { gazetteerFiles } from './gazetteer.ts';
import { emptySummary, type IngestOptions, type IngestSummary, loadIndex } from './ingest.ts';

export interface RemoteOptions extends IngestOptions {
  /** The server's base URL, e.g. http://localhost:3000. */
  server: string;
  /** Its DYAD_API_TOKEN (or the session token a local server recorded). */
  token?: string | undefined;
}

export async function ingestRemote(options: RemoteOptions): Promise<IngestSummary> {
  const [, ...extensions] = await gazetteerFiles(options.seedsDir, options.paths);
  if (extensions.length > 0)
    throw new InvalidInput(
      `${extensions[0]}: a running server resolves actors with its own gazetteer and takes no new ones; ` +
        'add them to the seeds gazetteer, or stop the server and run `dyad ingest` again',
      { file: extensions[0]! },
    );
  const index = await loadIndex(options.seedsDir);
  const sources = await discoverDocuments(options.paths);
  const summary = emptySummary(sources.length);
  for (const [i, files] of sources.entries()) {
    if (options.signal?.aborted) {
      summary.notTried = sources.length - i;
      break;
    }
    const checked = await checkDocument(files, index);
    const result = 'submission' in checked ? await send(options, checked.submission) : checked;
    if ('problems' in result) summary.rejected.push({ document: files.id, problems: result.problems });
    else {
      summary[result.outcome] += 1;
      summary.claims += result.claims;
    }
    options.onProgress?.(i + 1, sources.length, files.id);
  }
  return summary;
}

/** The document as a submission, or its problems (files, schema, quotes, actors) found here. */
async function checkDocument(files: SourceFiles, index: AliasIndex): Promise<{ submission: DocumentSubmission } | { problems: string[] }> {
  const { parts, problems } = await readDocumentParts(files);
  const prepared = parts && assembleDocument(parts, index);
  const all = [...problems, ...(prepared?.problems ?? [])];
  if (!parts || all.length > 0) return { problems: all.map((p) => p.message) };
  const { id: _id, ...meta } = parts.meta;
  // Curated claims alone when there are some, as a local ingest does; the server extracts otherwise.
  const submission: DocumentSubmission = { ...meta, id: parts.id, text: parts.text, extract: !parts.curated, ...(parts.curated ? { claims: parts.curated.claims } : {}) };
  return { submission };
}

async function send(options: RemoteOptions, submission: DocumentSubmission): Promise<SubmissionResult | { problems: string[] }> {
  const url = new URL('/api/documents?replace=true', options.server);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify(submission),
  }).catch((error: Error) => {
    throw new StoreUnavailable(`cannot reach the dyad server at ${options.server}: ${(error.cause as Error | undefined)?.message ?? error.message}`);
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return SubmissionResult.parse(body);
  const problem = Problem.safeParse(body);
  const detail = problem.success ? problem.data.detail : `HTTP ${response.status}`;
  if (response.status === 400 || response.status === 413) return { problems: problem.success ? (problem.data.problems ?? [detail]) : [detail] };
  if (response.status === 401 || response.status === 403)
    throw new InvalidInput(`the dyad server at ${options.server} refused the write (${detail}): set DYAD_API_TOKEN to its token`, { parameter: 'DYAD_API_TOKEN' });
  throw new StoreUnavailable(`the dyad server at ${options.server} answered ${response.status}: ${detail}`);
}

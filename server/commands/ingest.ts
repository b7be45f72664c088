/**
 * `dyad ingest [paths…]`: documents into the configured store; progress bar on a terminal, a
 * line per batch otherwise, a summary line always. When a dyad server holds the embedded store
 * (or with --server), the documents go to that server instead (server/ingest/remote-ingest.ts).
 * SIGTERM or SIGINT stops it cleanly: the batch in flight is finished, the store closed (the
 * embedded store writes its snapshot), the documents not tried are counted and it exits 1; a
 * second signal exits at once.
 */
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { describeSummary, ingest, type IngestOptions, type IngestSummary } from '../ingest/ingest.ts';
import { ingestRemote } from '../ingest/remote-ingest.ts';
import { createStore } from '../store/open-store.ts';
import { findLocalServer } from './server-record.ts';

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export async function run(options: {
  paths: string[];
  server?: string | undefined;
  local?: boolean | undefined;
  batchSize?: number | undefined;
}): Promise<number> {
  const config = loadConfig();
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {document}', stream: process.stderr }) : undefined;
  const stopping = new AbortController();
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    if (stopping.signal.aborted) process.exit(SIGNAL_EXIT_CODES[signal]);
    bar?.stop();
    process.stderr.write(`dyad ingest: ${signal}: finishing the batch in flight, then stopping (again to stop at once)\n`);
    stopping.abort();
  };
  const job: IngestOptions = {
    paths: options.paths.length > 0 ? options.paths : [config.DYAD_SEEDS_DIR],
    seedsDir: config.DYAD_SEEDS_DIR,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    signal: stopping.signal,
    onProgress: (done, total, document) => {
      if (!bar) process.stderr.write(`ingest: ${done}/${total} documents\n`);
      else if (stopping.signal.aborted) return;
      else if (!bar.isActive) bar.start(total, done, { document });
      else bar.update(done, { document });
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  // Only the embedded store is held by one process; Neo4j takes a local ingest beside a server.
  const local = options.local || options.server || config.NEO4J_URI ? undefined : await findLocalServer(config.DYAD_DATA_DIR);
  if (local) process.stderr.write(`dyad ingest: a dyad server (pid ${local.pid}) holds ${config.DYAD_DATA_DIR}; sending the documents to ${local.url}\n`);
  const server = options.server ?? local?.url;
  let summary: IngestSummary;
  try {
    summary = server ? await ingestRemote({ ...job, server, token: config.DYAD_API_TOKEN ?? local?.token }) : await ingestLocally(job);
  } finally {
    bar?.stop();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
  }
  for (const r of summary.rejected) {
    process.stderr.write(`rejected ${r.document}:\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
  }
  process.stdout.write(`${describeSummary(summary)}\n`);
  if (stopping.signal.aborted) process.stderr.write(`stopped: ${summary.notTried} documents not tried\n`);
  return summary.rejected.length > 0 || stopping.signal.aborted ? 1 : 0;
}

async function ingestLocally(job: IngestOptions): Promise<IngestSummary> {
  const store = await createStore(loadConfig());
  try {
    await store.open();
    return await ingest(store, job);
  } finally {
    await store.close();
  }
}

/**
 * `dyad ingest [paths…]`: documents into the configured store; progress bar on a terminal, a
 * summary line always. When a dyad server holds the embedded store (or with --server), the
 * documents go to that server instead (server/ingest/remote-ingest.ts).
 */
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config.ts';
import { describeSummary, ingest, type IngestOptions, type IngestSummary } from '../ingest/ingest.ts';
import { ingestRemote } from '../ingest/remote-ingest.ts';
import { createStore } from '../store/open-store.ts';
import { findLocalServer } from './server-record.ts';

export async function run(options: { paths: string[]; server?: string | undefined; local?: boolean | undefined }): Promise<number> {
  const config = loadConfig();
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} {document}', stream: process.stderr }) : undefined;
  const job: IngestOptions = {
    paths: options.paths.length > 0 ? options.paths : [config.DYAD_SEEDS_DIR],
    seedsDir: config.DYAD_SEEDS_DIR,
    onProgress: (done, total, document) => {
      if (bar && !bar.isActive) bar.start(total, 0, { document });
      bar?.update(done, { document });
    },
  };
  // Only the embedded store is held by one process; Neo4j takes a local ingest beside a server.
  const local = options.local || options.server || config.NEO4J_URI ? undefined : await findLocalServer(config.DYAD_DATA_DIR);
  if (local) process.stderr.write(`dyad ingest: a dyad server (pid ${local.pid}) holds ${config.DYAD_DATA_DIR}; sending the documents to ${local.url}\n`);
  const server = options.server ?? local?.url;
  let summary: IngestSummary;
  try {
    summary = server ? await ingestRemote({ ...job, server, token: config.DYAD_API_TOKEN ?? local?.token }) : await ingestLocally(job);
  } finally {
    bar?.stop();
  }
  for (const r of summary.rejected) {
    process.stderr.write(`rejected ${r.document}:\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
  }
  process.stdout.write(`${describeSummary(summary)}\n`);
  return summary.rejected.length > 0 ? 1 : 0;
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

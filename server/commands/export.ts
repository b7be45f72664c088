/**
 * `dyad export --format gexf|graphml|json|csv [--out FILE] [--documents a,b] [--<filter> value]…`:
 * the filtered graph (or, as CSV, its claims) to stdout or a file. The filters are the
 * API's (GraphFilters), spelled as flags and checked by the CLI. `--format seeds --out DIR`
 * writes the store as a seeds folder (export-seeds.ts).
 */
import { writeFile } from 'node:fs/promises';
import { assertKnownDocuments } from '../api/known-documents.ts';
import { loadConfig } from '../config.ts';
import type { GraphFilters } from '../domain/index.ts';
import { type ExportFormat, exportGraph } from '../graph/export.ts';
import { createStore } from '../store/open-store.ts';
import { exportSeeds } from './export-seeds.ts';

export async function run(options: { format: ExportFormat; out?: string | undefined; filters: GraphFilters }): Promise<number> {
  const store = await createStore(loadConfig());
  try {
    await store.open();
    await assertKnownDocuments(store, options.filters.documents ?? [], 'documents');
    const text = await exportGraph(store, options.format, options.filters);
    if (options.out) await writeFile(options.out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await store.close();
  }
}

export async function runSeeds(options: { out: string; documents?: string[] | undefined }): Promise<number> {
  const config = loadConfig();
  const store = await createStore(config);
  try {
    await store.open();
    await assertKnownDocuments(store, options.documents ?? [], 'documents');
    const written = await exportSeeds(store, options.out, { seedsDir: config.DYAD_SEEDS_DIR, documents: options.documents });
    process.stdout.write(
      `dyad export: ${options.out}: ${written.documents} documents, ${written.claims} curated claims, ${written.rejected} rejected, ${written.actors} actors\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

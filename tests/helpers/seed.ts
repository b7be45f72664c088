/** The shared fixture: the real seed corpus, loaded into any GraphStore. */
import { fileURLToPath } from 'node:url';
import { ingest, type IngestSummary } from '../../server/ingest/ingest.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';

export const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));

export async function seedStore(store: GraphStore): Promise<IngestSummary> {
  const summary = await ingest(store, { paths: [seedsDir], seedsDir });
  if (summary.rejected.length > 0) {
    throw new Error(`seed documents rejected: ${summary.rejected.map((r) => `${r.document}: ${r.problems.join('; ')}`).join('\n')}`);
  }
  return summary;
}

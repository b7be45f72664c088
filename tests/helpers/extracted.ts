/** A review queue from real data: seed document 004 as the extractor would have left it, every claim extracted. */
import { checkSeeds } from '../../server/ingest/seed-dir.ts';
import type { DocumentUpsert } from '../../server/store/graph-store.ts';
import { seedsDir } from './seed.ts';

export const QUEUE = '004_8d7461f0818b03b9';

export async function extractedUpsert(): Promise<DocumentUpsert> {
  const { documents } = await checkSeeds(seedsDir);
  const upsert = documents.find((d) => d.files.id === QUEUE)!.prepared.upsert!;
  return {
    ...upsert,
    document: { ...upsert.document, hash: `${upsert.document.hash}-extracted` },
    claims: upsert.claims.map((c) => ({ ...c, origin: 'extracted' as const, confidence: 0.6 })),
  };
}

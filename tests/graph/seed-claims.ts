/** The seed corpus as ClaimViews, straight from the files (no store): fixtures for the pure graph code. */
import type { ClaimView } from '../../server/domain/index.ts';
import { checkSeeds } from '../../server/ingest/seed-dir.ts';
import { seedsDir } from '../helpers/seed.ts';

export async function seedClaimViews(): Promise<ClaimView[]> {
  const { documents } = await checkSeeds(seedsDir);
  return documents.flatMap(({ prepared }) => {
    const upsert = prepared.upsert;
    if (!upsert) return [];
    const actors = new Map(upsert.actors.map((a) => [a.id, { id: a.id, name: a.name, kind: a.kind, aliases: a.aliases }]));
    return upsert.claims.map(({ subject, object, ...claim }) => ({
      ...claim,
      revision: 1,
      documentTitle: upsert.document.title,
      reliability: upsert.document.reliability,
      subject: actors.get(subject)!,
      object: actors.get(object)!,
    }));
  });
}

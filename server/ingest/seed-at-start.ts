/**
 * The seeds at a store's first start, resumable. Every seed document the store lacks is
 * ingested (whole or not at all, as any ingest); a seed document already there is never
 * rewritten, so an analyst's later change to it stays. Once all are in, a marker file in
 * the data folder records it and later starts skip seeding, unless the store is empty
 * again (a wiped database). A start killed mid-seeding leaves no marker: the next one
 * loads what is missing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { discoverDocuments } from './corpus.ts';
import { describeSummary, ingest } from './ingest.ts';

/** The marker's file: one per store, as the data folder may serve an embedded store and several Neo4j databases. */
export function seedMarkerPath(config: Config): string {
  const store = config.NEO4J_URI
    ? `neo4j-${createHash('sha256').update(`${config.NEO4J_URI}|${config.NEO4J_DATABASE ?? ''}`).digest('hex').slice(0, 12)}`
    : 'embedded';
  return join(config.DYAD_DATA_DIR, `seeded-${store}.json`);
}

export async function seedAtStart(store: GraphStore, config: Config, logger: Logger): Promise<void> {
  const marker = seedMarkerPath(config);
  const present = new Set((await store.listDocuments()).map((d) => d.id));
  const seeded = await readFile(marker, 'utf8').then(
    () => true,
    () => false,
  );
  if (seeded && present.size > 0) return;
  const missing = (await discoverDocuments([config.DYAD_SEEDS_DIR])).filter((files) => !present.has(files.id));
  if (missing.length > 0) {
    logger.info({ seeds: config.DYAD_SEEDS_DIR, missing: missing.map((f) => f.id), resumed: present.size > 0 }, 'ingesting the seeds');
    const summary = await ingest(store, { paths: missing.map((f) => f.textPath), seedsDir: config.DYAD_SEEDS_DIR });
    for (const r of summary.rejected) logger.warn({ document: r.document, problems: r.problems }, 'seed document rejected');
    logger.info(describeSummary(summary));
  }
  await writeMarker(marker, logger);
}

async function writeMarker(marker: string, logger: Logger): Promise<void> {
  try {
    await mkdir(join(marker, '..'), { recursive: true });
    await writeFile(`${marker}.tmp`, `${JSON.stringify({ seededAt: new Date().toISOString() })}\n`, { flush: true });
    await rename(`${marker}.tmp`, marker);
  } catch (error) {
    // Without the marker the next start only checks again for missing seeds.
    logger.warn({ marker, err: error }, 'cannot record that seeding completed');
  }
}

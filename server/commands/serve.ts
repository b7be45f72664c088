/**
 * `dyad serve`: the API and the built explorer on one port. A store with no documents yet
 * (first start) is filled from the seeds first. SIGINT/SIGTERM close the server, then the store.
 */
import { buildApp } from '../api/app.ts';
import { loadConfig } from '../config.ts';
import { describeSummary, ingest } from '../ingest/ingest.ts';
import { createLogger } from '../log.ts';
import { createStore } from '../store/open-store.ts';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await createStore(config);
  await store.open();
  try {
    if ((await store.listDocuments()).length === 0) {
      logger.info({ seeds: config.DYAD_SEEDS_DIR }, 'empty store: ingesting the seeds');
      const summary = await ingest(store, { paths: [config.DYAD_SEEDS_DIR], seedsDir: config.DYAD_SEEDS_DIR });
      for (const r of summary.rejected) logger.warn({ document: r.document, problems: r.problems }, 'seed document rejected');
      logger.info(describeSummary(summary));
    }
    const app = await buildApp({ store, config, logger, seedsDir: config.DYAD_SEEDS_DIR });
    await app.listen({ port: config.PORT, host: config.HOST });
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    logger.info({ signal }, 'shutting down');
    await app.close();
    return 0;
  } finally {
    await store.close();
  }
}

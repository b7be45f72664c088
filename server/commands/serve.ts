/**
 * `dyad serve`: the API and the built explorer on one port. At the first start the store is
 * filled from the seeds (resumably: seed-at-start.ts). SIGINT/SIGTERM close the server, then the store.
 */
import { buildApp } from '../api/app.ts';
import { loadConfig } from '../config.ts';
import { seedAtStart } from '../ingest/seed-at-start.ts';
import { createLogger } from '../log.ts';
import { createStore } from '../store/open-store.ts';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await createStore(config);
  await store.open();
  try {
    await seedAtStart(store, config, logger);
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

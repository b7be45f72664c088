/**
 * `dyad serve`: the API and the built explorer on one port. At the first start the store is
 * filled from the seeds (resumably: seed-at-start.ts). Prints the URL once it listens. On the
 * embedded store it records that URL beside the journal (server-record.ts) so `dyad ingest` can
 * send documents here. SIGINT/SIGTERM close the server, then the store.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../api/app.ts';
import { CLIENT_NOT_BUILT, clientBuilt } from '../api/client.ts';
import { loadConfig } from '../config.ts';
import { seedAtStart } from '../ingest/seed-at-start.ts';
import { createLogger } from '../log.ts';
import { createStore } from '../store/open-store.ts';
import { recordServer } from './server-record.ts';

export async function run(options: { port?: string | undefined; host?: string | undefined }): Promise<number> {
  const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
  const logger = createLogger(config.LOG_LEVEL);
  const embedded = !config.NEO4J_URI;
  // Without a configured token, a local `dyad ingest` may still write: with a token only this
  // user can read (server.json is owner-only). Remote clients still get writes refused.
  const sessionToken = embedded && !config.DYAD_API_TOKEN ? randomBytes(24).toString('base64url') : undefined;
  const store = await createStore(config);
  await store.open();
  try {
    await seedAtStart(store, config, logger);
    const app = await buildApp({ store, config: { ...config, DYAD_API_TOKEN: config.DYAD_API_TOKEN ?? sessionToken }, logger, seedsDir: config.DYAD_SEEDS_DIR });
    if (!clientBuilt()) logger.warn(`${CLIENT_NOT_BUILT}; until then / answers 404 and the API works`);
    await app.listen({ port: config.PORT, host: config.HOST });
    const { port } = app.server.address() as AddressInfo;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
    const url = `http://${host}:${port}`;
    const forget = embedded ? await recordServer(config.DYAD_DATA_DIR, { url, ...(sessionToken ? { token: sessionToken } : {}) }) : undefined;
    process.stdout.write(`dyad serving ${url} (API ${url}/api, OpenAPI ${url}/docs)\n`);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    logger.info({ signal }, 'shutting down');
    await forget?.();
    await app.close();
    return 0;
  } finally {
    await store.close();
  }
}

/** An app over a real store for fastify.inject: the seeds loaded, rate limit off. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seedsDir, seedStore } from '../helpers/seed.ts';
import type { StoreCase } from '../helpers/stores.ts';

export interface Served {
  app: FastifyInstance;
  store: GraphStore;
  close(): Promise<void>;
}

export async function serveSeeds(storeCase: StoreCase, options: Partial<AppOptions> & { env?: NodeJS.ProcessEnv } = {}): Promise<Served> {
  const store = await storeCase.open();
  await seedStore(store);
  const { env = {}, ...rest } = options;
  const app = await buildApp({ store, config: loadConfig(env), seedsDir, rateLimit: false, ...rest });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** GET as JSON; fails the test with the body when the status differs. */
export async function getJson<T = unknown>(app: FastifyInstance, url: string, status = 200): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== status) throw new Error(`GET ${url}: ${response.statusCode} (expected ${status}): ${response.body}`);
  return response.json() as T;
}

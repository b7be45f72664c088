/** What every route plugin is given. */
import type { Config } from '../config.ts';
import type { ExtractionPoolOptions } from '../ingest/extract-pool.ts';
import type { GraphStore } from '../store/graph-store.ts';

export interface ApiContext {
  store: GraphStore;
  config: Config;
  /** Where actors.yaml lives: submissions resolve their actors against it. */
  seedsDir: string;
  /** The extraction workers' budget and count (defaults in extract-pool.ts). */
  extraction?: ExtractionPoolOptions;
  /** Route config for writes: their own, stricter rate limit (@fastify/rate-limit), or {} when limits are off. */
  writeRateLimit: { rateLimit?: { max: number; timeWindow: string } };
}

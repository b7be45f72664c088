/**
 * The HTTP face of dyad: the REST API under /api, its OpenAPI document at /docs, and the
 * built explorer at /. Routes are thin: validate (domain zod schemas), call the store or
 * server/graph, shape. Errors leave through one handler as problem+json.
 */
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ExtractionPoolOptions } from '../ingest/extract-pool.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { DEFAULT_CLIENT_DIR, registerClient } from './client.ts';
import type { ApiContext } from './context.ts';
import { installErrorHandling } from './error-handler.ts';
import { sendHeldAnswersEncodedOnce } from './held-responses.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { rejectUnknownDocuments } from './known-documents.ts';
import { registerOpenApi } from './openapi.ts';
import { serializerCompiler } from './serializer.ts';
import { actorRoutes } from './routes/actors.ts';
import { annotationRoutes } from './routes/annotations.ts';
import { claimRoutes } from './routes/claims.ts';
import { compareRoutes } from './routes/compare.ts';
import { documentRoutes } from './routes/documents.ts';
import { exportRoutes } from './routes/export.ts';
import { graphRoutes } from './routes/graph.ts';
import { healthRoutes } from './routes/health.ts';
import { pathRoutes } from './routes/paths.ts';

export interface AppOptions {
  store: GraphStore;
  config: Config;
  /** Without one, Fastify logs nothing (tests). */
  logger?: Logger;
  /** Defaults to config.DYAD_SEEDS_DIR. */
  seedsDir?: string;
  /** The built client; served only when it holds an index.html. */
  clientDir?: string;
  /** The extraction workers' time budget and count. */
  extraction?: ExtractionPoolOptions;
  /** Requests per minute per client address; false switches the limit off (writes' too). */
  rateLimit?: number | false;
  /** Requests per minute per client address to each write route (default 120). */
  writeRateLimit?: number;
}

/** Generous: the explorer fires a burst of graph and evidence requests per interaction. */
const DEFAULT_RATE_LIMIT = 1200;
/** Writes are an analyst's deliberate acts: far fewer than the explorer's reads. */
const DEFAULT_WRITE_RATE_LIMIT = 120;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = options.logger;
  const app: FastifyInstance = Fastify({
    ...(loggerInstance ? { loggerInstance } : { logger: false }),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  addSecurityHeaders(app, {
    // dyad speaks plain HTTP; HSTS over it is wrong (RFC 6797 §7.2), a TLS proxy in front sets its own.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ForceAtlas2 runs in a worker built from a blob: URL.
        workerSrc: ["'self'", 'blob:'],
        // Sigma's PNG export and the legend use data: and blob: images.
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        // Served over plain HTTP on a LAN too: upgrading would break every asset.
        upgradeInsecureRequests: null,
      },
    },
  });
  const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (rateLimit !== false) await app.register(fastifyRateLimit, { global: true, max: rateLimit, timeWindow: '1 minute' });
  await registerOpenApi(app);

  // Off unless configured: browsers elsewhere (Gephi Lite, a notebook) may read, never write.
  const origins = options.config.DYAD_CORS_ORIGINS;
  if (origins.length > 0) await app.register(fastifyCors, { origin: origins.includes('*') ? true : origins, methods: ['GET', 'HEAD'] });
  rejectUnknownDocuments(app, options.store);
  sendHeldAnswersEncodedOnce(app);

  const context: ApiContext = {
    store: options.store,
    config: options.config,
    seedsDir: options.seedsDir ?? options.config.DYAD_SEEDS_DIR,
    extraction: options.extraction,
    writeRateLimit: rateLimit === false ? {} : { rateLimit: { max: options.writeRateLimit ?? DEFAULT_WRITE_RATE_LIMIT, timeWindow: '1 minute' } },
  };
  for (const routes of [
    healthRoutes,
    documentRoutes,
    actorRoutes,
    graphRoutes,
    pathRoutes,
    claimRoutes,
    annotationRoutes,
    compareRoutes,
    exportRoutes,
  ])
    await app.register(routes, context);
  await registerClient(app, options.clientDir ?? DEFAULT_CLIENT_DIR);
  await app.ready();
  return app;
}

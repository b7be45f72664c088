import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { StoreHealth } from '../../domain/index.ts';
import type { ApiContext } from '../context.ts';

export const healthRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/health',
    {
      schema: {
        summary: 'Store kind, reachability and counts (503 with the same body when the store is unreachable)',
        tags: ['health'],
        response: { 200: StoreHealth, 503: StoreHealth },
      },
    },
    async (_request, reply) => {
      const health = await store.health();
      return reply.code(health.reachable ? 200 : 503).send(health);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActorId, GraphFilters, Problem, SerializedGraph } from '../../domain/index.ts';
import type { ApiContext } from '../context.ts';

export const pathRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/paths',
    {
      schema: {
        summary: 'The shortest paths between two actors (direction ignored), the k with most evidence, as one graph; empty when none within maxLength',
        tags: ['graph'],
        querystring: GraphFilters.extend({
          from: ActorId,
          to: ActorId,
          maxLength: z.coerce.number().int().min(1).max(6).default(4),
          k: z.coerce.number().int().min(1).max(50).default(5),
        }).strict(),
        response: { 200: SerializedGraph, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { from, to, maxLength, k, ...filters } = request.query;
      return store.paths(from, to, { maxLength, k, filters });
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GraphFilters, Problem, SerializedGraph } from '../../domain/index.ts';
import type { ApiContext } from '../context.ts';

export const graphRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/graph',
    {
      schema: {
        summary:
          'The filtered graph, bounded: nodes are actors, each edge aggregates the claims of one relation. When more than maxNodes/maxEdges pass the filters, an overview: the most corroborated relations among the best-connected actors, with truncated and totals',
        tags: ['graph'],
        querystring: GraphFilters.extend({
          maxNodes: z.coerce.number().int().min(1).max(5_000).default(500),
          maxEdges: z.coerce.number().int().min(1).max(20_000).default(2_000),
        }).strict(),
        response: { 200: SerializedGraph, 400: Problem },
      },
    },
    async (request) => {
      const { maxNodes, maxEdges, ...filters } = request.query;
      return store.graph(filters, { maxNodes, maxEdges });
    },
  );
};

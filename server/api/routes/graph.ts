import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { GraphFilters, Problem, SerializedGraph } from '../../domain/index.ts';
import { serialize } from '../../graph/aggregate.ts';
import { filteredGraph } from '../../graph/filtered-graph.ts';
import type { ApiContext } from '../context.ts';

export const graphRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/graph',
    {
      schema: {
        summary: 'The filtered graph: nodes are actors, each edge aggregates the claims of one relation',
        tags: ['graph'],
        querystring: GraphFilters,
        response: { 200: SerializedGraph, 400: Problem },
      },
    },
    async (request) => serialize((await filteredGraph(store, request.query)).graph),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActorDetail, ActorHit, ActorId, GraphFilters, Problem, SerializedGraph } from '../../domain/index.ts';
import type { ApiContext } from '../context.ts';

const ActorParams = z.object({ id: ActorId });

/** Longer than any name or alias, and short enough that no search is costly. */
export const MAX_QUERY_LENGTH = 200;

export const actorRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/actors',
    {
      schema: {
        summary: 'Search actors by name or alias (case- and accent-insensitive, prefix and substring), best first',
        tags: ['actors'],
        querystring: z
          .object({
            q: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
            kind: GraphFilters.shape.kinds,
            limit: z.coerce.number().int().min(1).max(100).default(20),
          })
          .strict(),
        response: { 200: z.array(ActorHit), 400: Problem },
      },
    },
    async (request) => {
      const { q, kind, limit } = request.query;
      return store.searchActors(q, { kinds: kind, limit });
    },
  );

  app.get(
    '/api/actors/:id',
    {
      schema: {
        summary: 'An actor with its aliases and claim counts by relation type and document',
        tags: ['actors'],
        params: ActorParams,
        response: { 200: ActorDetail, 404: Problem },
      },
    },
    async (request) => store.getActor(request.params.id),
  );

  app.get(
    '/api/actors/:id/neighborhood',
    {
      schema: {
        summary: "An actor's ego graph, 1–3 rings deep; each node brings in at most `limit` new neighbours, strongest first",
        tags: ['graph'],
        params: ActorParams,
        querystring: GraphFilters.extend({
          depth: z.coerce.number().int().min(1).max(3).default(1),
          limit: z.coerce.number().int().min(1).max(500).default(25),
        }).strict(),
        response: { 200: SerializedGraph, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { depth, limit, ...filters } = request.query;
      return store.neighborhood(request.params.id, { depth, limit, filters });
    },
  );
};

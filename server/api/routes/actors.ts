import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ActorDetail, ActorHit, ActorId, ActorPage, ActorSort, GraphFilters, Problem, SerializedGraph } from '../../domain/index.ts';
import { InvalidInput } from '../../errors.ts';
import { MAX_NEIGHBOURHOOD_EDGES, MAX_NEIGHBOURS, NEIGHBOURHOOD_EDGES } from '../../graph/neighborhood.ts';
import type { ApiContext } from '../context.ts';

const ActorParams = z.object({ id: ActorId });

/** Longer than any name or alias, and short enough that no search is costly. */
export const MAX_QUERY_LENGTH = 200;

export const actorRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/actors',
    {
      schema: {
        summary:
          'With q: search actors by name or alias (case- and accent-insensitive, prefix and substring), best first. ' +
          'Without q: every actor, a page at a time ({ total, items }), by degree or by name',
        tags: ['actors'],
        querystring: z
          .object({
            q: z.string().trim().min(1).max(MAX_QUERY_LENGTH).optional(),
            kind: GraphFilters.shape.kinds,
            limit: z.coerce.number().int().min(1).max(100).optional(),
            sort: ActorSort.optional(),
            offset: z.coerce.number().int().min(0).optional(),
          })
          .strict(),
        response: { 200: z.union([z.array(ActorHit), ActorPage]), 400: Problem },
      },
    },
    async (request) => {
      const { q, kind, limit, sort, offset } = request.query;
      if (q === undefined) return store.listActors({ kinds: kind, sort: sort ?? 'degree', limit: limit ?? 50, offset: offset ?? 0 });
      if (sort !== undefined || offset !== undefined)
        throw new InvalidInput('sort and offset page the list of all actors (without q); a search is ranked', { parameter: sort !== undefined ? 'sort' : 'offset' });
      return store.searchActors(q, { kinds: kind, limit: limit ?? 20 });
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
        summary:
          "An actor's ego graph, 1–3 rings deep; each node brings in at most `limit` new neighbours, strongest first; " +
          'at most `maxEdges` relations shown: those that brought an actor in, then the strongest',
        tags: ['graph'],
        params: ActorParams,
        querystring: GraphFilters.extend({
          depth: z.coerce.number().int().min(1).max(3).default(1),
          limit: z.coerce.number().int().min(1).max(MAX_NEIGHBOURS).default(25),
          maxEdges: z.coerce.number().int().min(1).max(MAX_NEIGHBOURHOOD_EDGES).default(NEIGHBOURHOOD_EDGES),
        }).strict(),
        response: { 200: SerializedGraph, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { depth, limit, maxEdges, ...filters } = request.query;
      return store.neighborhood(request.params.id, { depth, limit, maxEdges, filters });
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClaimPage, ClaimQuery, Problem } from '../../domain/index.ts';
import type { ApiContext } from '../context.ts';

export const claimRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/claims',
    {
      schema: {
        summary: 'The evidence: claims with quote, offsets, certainty, attribution and document, ordered by document and offset; paged',
        tags: ['claims'],
        querystring: ClaimQuery,
        response: { 200: ClaimPage, 400: Problem },
      },
    },
    async (request) => {
      const { total, items } = await store.findClaims(request.query);
      return { total, limit: request.query.limit, offset: request.query.offset, items };
    },
  );
};

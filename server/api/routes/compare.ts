import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CompareResult, DocumentId, GraphFilters, Problem } from '../../domain/index.ts';
import { compare } from '../../graph/compare.ts';
import type { ApiContext } from '../context.ts';

/** Comma-separated (or repeated) document ids, at least one. */
const DocumentSet = GraphFilters.shape.documents.pipe(z.array(DocumentId).min(1));

export const compareRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.get(
    '/api/compare',
    {
      schema: {
        summary: "Two documents' (or sets') relations side by side: only in a, only in b, in both, or contradicted",
        tags: ['graph'],
        querystring: GraphFilters.omit({ documents: true }).extend({ a: DocumentSet, b: DocumentSet }).strict(),
        response: { 200: CompareResult, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const { a, b, ...filters } = request.query;
      return compare(store, { a, b, filters });
    },
  );
};

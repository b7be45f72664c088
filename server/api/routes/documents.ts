import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocumentDetail, DocumentId, DocumentSubmission, DocumentSummary, Problem, SubmissionResult } from '../../domain/index.ts';
import type { AliasIndex } from '../../ingest/alias-index.ts';
import { ingestSubmission, loadIndex } from '../../ingest/ingest.ts';
import { requireToken } from '../auth.ts';
import type { ApiContext } from '../context.ts';

/** A posted document, its text included, may be this large. */
export const SUBMISSION_BODY_LIMIT = 2 * 1024 * 1024;

export const documentRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, config, seedsDir }) => {
  app.get(
    '/api/documents',
    { schema: { summary: 'Every document, with its claim count', tags: ['documents'], response: { 200: z.array(DocumentSummary) } } },
    async () => store.listDocuments(),
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        summary: "One document's text, where its article lies, and every claim with its offsets",
        tags: ['documents'],
        params: z.object({ id: DocumentId }),
        response: { 200: DocumentDetail, 404: Problem },
      },
    },
    async (request) => {
      const document = await store.getDocument(request.params.id);
      const claims = await store.documentClaims([document.id], {});
      return { ...document, claims };
    },
  );

  // The gazetteer is read once, at the first write, not on every request.
  let index: Promise<AliasIndex> | undefined;
  app.post(
    '/api/documents',
    {
      bodyLimit: SUBMISSION_BODY_LIMIT,
      onRequest: requireToken(config.DYAD_API_TOKEN),
      schema: {
        summary: 'Ingest a document: its curated claims if given, plus extracted ones (needs the DYAD_API_TOKEN bearer token)',
        tags: ['documents'],
        security: [{ bearer: [] }],
        body: DocumentSubmission,
        response: { 200: SubmissionResult, 201: SubmissionResult, 400: Problem, 401: Problem, 403: Problem, 413: Problem },
      },
    },
    async (request, reply) => {
      index ??= loadIndex(seedsDir);
      const result = await ingestSubmission(store, request.body, await index);
      return reply.code(result.outcome === 'created' ? 201 : 200).send(result);
    },
  );
};

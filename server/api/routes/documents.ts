import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocumentDetail, DocumentId, DocumentSubmission, DocumentSummary, Problem, SubmissionResult } from '../../domain/index.ts';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { Misconfigured } from '../../errors.ts';
import type { AliasIndex } from '../../ingest/alias-index.ts';
import { ExtractionPool } from '../../ingest/extract-pool.ts';
import { loadIndex, withAddedActors } from '../../ingest/ingest.ts';
import { ingestSubmission } from '../../ingest/submission.ts';
import { analystTokens, requireToken } from '../auth.ts';
import type { ApiContext } from '../context.ts';

/** A posted document, its text included, may be this large. */
export const SUBMISSION_BODY_LIMIT = 2 * 1024 * 1024;

export const documentRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, config, seedsDir, extraction, writeRateLimit }) => {
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

  const pool = new ExtractionPool(extraction);
  app.addHook('onClose', () => pool.close());

  // The gazetteer is read at the first write and kept once it loads; a broken one is read
  // again at the next write, so fixing the file needs no restart.
  let index: Promise<AliasIndex> | undefined;
  const gazetteer = (log: FastifyBaseLogger): Promise<AliasIndex> =>
    (index ??= loadIndex(seedsDir).catch((error: unknown) => {
      index = undefined;
      log.error({ err: error }, 'the gazetteer (actors.yaml) cannot be loaded');
      throw new Misconfigured("the server's gazetteer (actors.yaml) does not load; the server log names the problem");
    }));

  const write = {
    bodyLimit: SUBMISSION_BODY_LIMIT,
    onRequest: requireToken(analystTokens(config)),
    config: writeRateLimit,
  };
  const responses = {
    200: SubmissionResult,
    201: SubmissionResult,
    400: Problem,
    401: Problem,
    403: Problem,
    409: Problem,
    413: Problem,
    422: Problem,
  };
  const submit = async (request: FastifyRequest, reply: FastifyReply, submission: DocumentSubmission, replace: boolean) => {
    const index = await withAddedActors(await gazetteer(request.log), store);
    const result = await ingestSubmission(store, submission, index, pool, { replace });
    return reply.code(result.outcome === 'created' ? 201 : 200).send(result);
  };

  app.post(
    '/api/documents',
    {
      ...write,
      schema: {
        summary:
          'Ingest a document: its curated claims if given, plus extracted ones (needs the DYAD_API_TOKEN bearer token). ' +
          'An existing id answers 409 unless replace=true',
        tags: ['documents'],
        security: [{ bearer: [] }],
        querystring: z.object({ replace: z.stringbool().default(false) }).strict(),
        body: DocumentSubmission,
        response: responses,
      },
    },
    async (request, reply) => submit(request, reply, request.body, request.query.replace),
  );

  app.put(
    '/api/documents/:id',
    {
      ...write,
      schema: {
        summary: 'Create or replace the document with this id; its curated claims stay unless the body brings claims (bearer token)',
        tags: ['documents'],
        security: [{ bearer: [] }],
        params: z.object({ id: DocumentId }),
        body: DocumentSubmission.omit({ id: true }),
        response: responses,
      },
    },
    async (request, reply) => submit(request, reply, { ...request.body, id: request.params.id }, true),
  );
};

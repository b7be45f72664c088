/**
 * The analyst's writes (issue 12; contract in the README's "Writing claims"): claims created,
 * edited, reviewed and retracted, new actors, each behind a bearer token that names the analyst
 * and with its own, stricter rate limit; a claim's history and one claim are open reads. The
 * planning is server/store/claim-changes.ts; these only validate, call, shape.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Actor,
  ClaimDraft,
  ClaimHistory,
  ClaimPatch,
  ClaimResponse,
  NewActor,
  Problem,
  RetractQuery,
  ReviewDecision,
  Session,
} from '../../domain/index.ts';
import { addActor, type Author, createClaim, retractClaim, reviewClaim, updateClaim } from '../../store/claim-changes.ts';
import { analystTokens, requireToken } from '../auth.ts';
import type { ApiContext } from '../context.ts';

const ClaimParams = z.object({ id: z.string().min(1).max(100) });

const WRITE_ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 429: Problem };

export const annotationRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store, config, writeRateLimit }) => {
  const write = { onRequest: requireToken(analystTokens(config)), config: writeRateLimit };
  const security = [{ bearer: [] }];
  const author = (request: { analyst?: string }): Author => ({ analyst: request.analyst! });

  app.get(
    '/api/session',
    {
      ...write,
      schema: {
        summary: "Whose bearer token this is: the analyst it names (401 for a wrong token, 403 when the server takes none)",
        tags: ['annotate'],
        security,
        response: { 200: Session, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request) => ({ analyst: author(request).analyst }),
  );

  app.get(
    '/api/claims/:id',
    {
      schema: {
        summary: 'One claim as it is now, with its revision (404 also for a retracted or replaced id)',
        tags: ['claims'],
        params: ClaimParams,
        response: { 200: ClaimResponse, 404: Problem },
      },
    },
    async (request) => ({ claim: await store.getClaim(request.params.id) }),
  );

  app.get(
    '/api/claims/:id/history',
    {
      schema: {
        summary: "Every change of this claim, through every id it had, oldest first: who, when, the claim before and after",
        tags: ['claims'],
        params: ClaimParams,
        response: { 200: ClaimHistory, 404: Problem },
      },
    },
    async (request) => ({ items: await store.claimHistory(request.params.id) }),
  );

  app.post(
    '/api/claims',
    {
      ...write,
      schema: {
        summary:
          'Create a curated claim at an exact span: text.slice(start, end) must equal the quote, the type must fit the actors\' kinds ' +
          '(409 when the same claim exists)',
        tags: ['annotate'],
        security,
        body: ClaimDraft,
        response: { 201: ClaimResponse, ...WRITE_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send({ claim: await createClaim(store, request.body, author(request)) }),
  );

  app.patch(
    '/api/claims/:id',
    {
      ...write,
      schema: {
        summary:
          'Edit a claim at the revision you read (409 when it changed since); on an extracted claim a correction, which makes it curated. ' +
          'A changed subject, type, object or span gives the claim a new id; history links the two',
        tags: ['annotate'],
        security,
        params: ClaimParams,
        body: ClaimPatch,
        response: { 200: ClaimResponse, ...WRITE_ERRORS },
      },
    },
    async (request) => ({ claim: await updateClaim(store, request.params.id, request.body, author(request)) }),
  );

  app.delete(
    '/api/claims/:id',
    {
      ...write,
      schema: {
        summary: 'Retract a claim at the revision you read: it leaves graph and evidence, its history keeps it. Answers the claim as it was',
        tags: ['annotate'],
        security,
        params: ClaimParams,
        querystring: RetractQuery,
        response: { 200: ClaimResponse, ...WRITE_ERRORS },
      },
    },
    async (request) => ({ claim: await retractClaim(store, request.params.id, request.query.revision, author(request)) }),
  );

  app.post(
    '/api/claims/:id/review',
    {
      ...write,
      schema: {
        summary:
          'Review an extracted claim: accept (it becomes curated) or reject (it leaves, and stays rejected when the document is extracted again)',
        tags: ['annotate'],
        security,
        params: ClaimParams,
        body: ReviewDecision,
        response: { 200: ClaimResponse, ...WRITE_ERRORS },
      },
    },
    async (request) => ({ claim: await reviewClaim(store, request.params.id, request.body, author(request)) }),
  );

  app.post(
    '/api/actors',
    {
      ...write,
      schema: {
        summary: "Add an actor to the gazetteer (id: the name's slug unless given); 409 when the id, the name or an alias names another actor",
        tags: ['annotate'],
        security,
        body: NewActor,
        response: { 201: z.object({ actor: Actor }), ...WRITE_ERRORS },
      },
    },
    async (request, reply) => reply.code(201).send({ actor: await addActor(store, request.body) }),
  );
};

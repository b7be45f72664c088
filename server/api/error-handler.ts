/**
 * The one place errors become HTTP: every failure leaves as application/problem+json
 * (RFC 9457). Typed errors map by class; anything unknown is a 500 whose detail says
 * nothing about the server's insides (the log has the stack).
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../domain/index.ts';
import { Conflict, ExtractionOverBudget, Forbidden, Misconfigured, InvalidInput, InvalidInputs, NotFound, StoreUnavailable, Unauthorized } from '../errors.ts';

const problem = (status: number, kind: string, detail: string, extra: Partial<Problem> = {}): Problem => ({
  type: `urn:dyad:problem:${kind}`,
  title: STATUS_CODES[status] ?? 'Error',
  status,
  detail,
  ...extra,
});

/** neo4j-driver's connection failures, recognised by code so the API need not load the driver. */
const DRIVER_UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

function isStoreUnreachable(error: unknown): boolean {
  if (error instanceof StoreUnavailable) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DRIVER_UNAVAILABLE.has(code);
}

/**
 * A request validation failure. The parameter is the unknown key, or the path: its
 * first segment in a query string or path (`types`, not `types.1`), all of it in a body.
 */
function validationProblem(error: FastifyError): Problem {
  const [first] = error.validation ?? [];
  const context = error.validationContext ?? 'request';
  const segments = first?.instancePath.split('/').filter((s) => s.length > 0) ?? [];
  const keys = hasZodFastifySchemaValidationErrors(error) ? (first?.params as { keys?: string[] }).keys : undefined;
  const parameter =
    first?.keyword === 'unrecognized_keys' && keys?.length
      ? [...segments, keys[0]].join('.')
      : (context === 'body' ? segments.join('.') : segments[0]) || undefined;
  const message = first?.keyword === 'unrecognized_keys' ? 'unknown parameter' : (first?.message ?? error.message);
  const detail = parameter ? `${context} parameter '${parameter}': ${message}` : `${context}: ${message}`;
  return problem(400, 'invalid-input', detail, parameter ? { parameter } : {});
}

export function toProblem(error: unknown): Problem {
  if (error instanceof NotFound) return problem(404, 'not-found', error.message);
  if (error instanceof InvalidInputs)
    return problem(400, 'invalid-input', error.problems.length === 1 ? error.problems[0]!.message : `${error.problems.length} problems in the submission`, {
      problems: error.problems.map((p) => p.message),
    });
  if (error instanceof InvalidInput)
    return problem(400, 'invalid-input', error.message, error.where?.parameter ? { parameter: error.where.parameter } : {});
  if (error instanceof Conflict) return problem(409, 'conflict', error.message);
  if (error instanceof ExtractionOverBudget) return problem(422, 'extraction-over-budget', error.message);
  if (error instanceof Unauthorized) return problem(401, 'unauthorized', error.message);
  if (error instanceof Forbidden) return problem(403, 'forbidden', error.message);
  if (error instanceof Misconfigured) return problem(500, 'misconfigured', error.message);
  if (isStoreUnreachable(error)) return problem(503, 'store-unavailable', 'the graph store cannot be reached');
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) return validationProblem(fastifyError);
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'too-large', fastifyError.message);
  // Fastify's and its plugins' own client errors (bad JSON, media type, rate limit) say nothing internal.
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return problem(status, 'client-error', fastifyError.message);
  return problem(500, 'internal', 'the server failed to answer this request');
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  if (p.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(p.status).type('application/problem+json').send(p);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const p = toProblem(error);
    if (p.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, p);
  });
}

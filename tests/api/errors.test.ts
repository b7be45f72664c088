/** One error handler: every failure is problem+json with the status its class says, nothing internal leaks. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { toProblem } from '../../server/api/error-handler.ts';
import { loadConfig } from '../../server/config.ts';
import { Forbidden, InvalidInput, InvalidInputs, NotFound, StoreUnavailable, Unauthorized } from '../../server/errors.ts';
import { createLogger } from '../../server/log.ts';
import { Neo4jStore } from '../../server/store/neo4j/index.ts';
import { seedsDir } from '../helpers/seed.ts';

describe('toProblem maps error classes to statuses', () => {
  test.each([
    [new NotFound('actor', 'x'), 404],
    [new InvalidInput('bad', { parameter: 'limit' }), 400],
    [new InvalidInputs([new InvalidInput('one'), new InvalidInput('two')]), 400],
    [new Unauthorized('who?'), 401],
    [new Forbidden('no'), 403],
    [new StoreUnavailable('down'), 503],
    [Object.assign(new Error('Could not perform discovery'), { code: 'ServiceUnavailable' }), 503],
    [Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }), 413],
  ] as const)('%s → %i', (error, status) => {
    expect(toProblem(error).status).toBe(status);
  });

  test('the parameter at fault and every problem of a rejected submission are named', () => {
    expect(toProblem(new InvalidInput('bad', { parameter: 'limit' }))).toMatchObject({ parameter: 'limit', detail: 'bad' });
    expect(toProblem(new InvalidInputs([new InvalidInput('one'), new InvalidInput('two')])).problems).toEqual(['one', 'two']);
  });

  test('anything else is a 500 that says nothing about the server', () => {
    const error = new Error('ENOENT: /srv/secret/path/journal.ndjson');
    const problem = toProblem(error);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(JSON.stringify(problem)).not.toContain('at ');
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a store that cannot be reached', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    const store = new Neo4jStore({ uri: `bolt://127.0.0.1:${await closedPort()}`, connectTimeoutMs: 500, logger: createLogger('silent') });
    app = await buildApp({ store, config: loadConfig({}), seedsDir, rateLimit: false });
  });
  afterAll(() => app?.close());

  test('GET /api/health is 503 with the health body', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ store: 'neo4j', reachable: false });
  });

  // The driver retries a read for its maxTransactionRetryTime (10 s) before giving up: reads run together.
  test('a read is 503 problem+json', { timeout: 60_000 }, async () => {
    const urls = ['/api/graph', '/api/documents', '/api/claims?object=ttp'];
    const responses = await Promise.all(urls.map((url) => app.inject({ url })));
    for (const [i, response] of responses.entries()) {
      expect(response.statusCode, urls[i]).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 503, type: 'urn:dyad:problem:store-unavailable' });
    }
  });

  test('unknown /api routes are 404 problem+json', async () => {
    for (const [method, url] of [['GET', '/api/nothing-here'], ['DELETE', '/api/documents/x'], ['GET', '/api']] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

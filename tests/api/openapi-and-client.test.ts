/** The OpenAPI document, Swagger UI, security headers, and the built explorer served at /. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { storeCases } from '../helpers/stores.ts';
import { type Served, serveSeeds } from './app-fixture.ts';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>dyad explorer</body></html>';

let served: Served;
let clientDir: string;
beforeAll(async () => {
  clientDir = await mkdtemp(join(tmpdir(), 'dyad-client-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(join(clientDir, 'index.html'), INDEX);
  await writeFile(join(clientDir, 'assets', 'app.js'), 'console.log("dyad");\n');
  served = await serveSeeds(storeCases.find((c) => c.name === 'embedded')!, { clientDir });
});
afterAll(async () => {
  await served?.close();
  await rm(clientDir, { recursive: true, force: true });
});

describe('OpenAPI', () => {
  test('/docs/json is a valid OpenAPI 3 document listing every route', async () => {
    const document = (await served.app.inject({ url: '/docs/json' })).json() as { openapi: string; paths: Record<string, unknown> };
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/actors',
        '/api/actors/{id}',
        '/api/actors/{id}/neighborhood',
        '/api/claims',
        '/api/claims/{id}',
        '/api/claims/{id}/history',
        '/api/claims/{id}/review',
        '/api/compare',
        '/api/documents',
        '/api/documents/{id}',
        '/api/export.csv',
        '/api/export.gexf',
        '/api/export.graphml',
        '/api/export.json',
        '/api/graph',
        '/api/health',
        '/api/paths',
        '/api/session',
      ].sort(),
    );
  });

  test('the filters are documented as query parameters of the graph route', async () => {
    const document = (await served.app.inject({ url: '/docs/json' })).json() as {
      paths: Record<string, { get: { parameters: Array<{ name: string; in: string }> } }>;
    };
    const names = document.paths['/api/graph']!.get.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(names.sort()).toEqual(['certainty', 'documents', 'from', 'kinds', 'maxEdges', 'maxNodes', 'minClaims', 'minDocuments', 'origin', 'reliability', 'to', 'types']);
  });

  test('Swagger UI at /docs', async () => {
    const response = await served.app.inject({ url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('swagger-ui');
  });
});

describe('the built client', () => {
  test('index.html at / with a CSP that lets the explorer run (own scripts, blob: workers, data: images)', async () => {
    const response = await served.app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test('assets are served; client routes fall back to index.html; /api stays JSON', async () => {
    const asset = await served.app.inject({ url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const route = await served.app.inject({ url: '/actor/ttp?depth=2' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toBe(INDEX);
    const api = await served.app.inject({ url: '/api/unknown' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('rate limit', () => {
  test('past the limit a client gets 429 problem+json', async () => {
    const app = await buildApp({ store: served.store, config: loadConfig({}), rateLimit: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.inject({ url: '/api/health' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await app.inject({ url: '/api/health' });
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.json()).toMatchObject({ status: 429 });
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      await app.close();
    }
  });
});

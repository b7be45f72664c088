/** GET /api/actors without q, unknown ids in filters, CORS off by default and on by allow-list, an unbuilt explorer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorPage, Problem } from '../../server/domain/index.ts';
import { getJson, type Served, serveSeeds } from './app-fixture.ts';
import { storeCases } from '../helpers/stores.ts';

const [embedded] = storeCases;
let served: Served;
beforeAll(async () => {
  served = await serveSeeds(embedded!, { env: { DYAD_CORS_ORIGINS: 'https://gephi.org, http://localhost:8888' } });
});
afterAll(async () => {
  await served.close();
});

describe('GET /api/actors without q', () => {
  it('lists actors a page at a time, by degree (the default) or by name', async () => {
    const page = await getJson<ActorPage>(served.app, '/api/actors?limit=5');
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(100);
    expect(page.items[0]!.degree).toBeGreaterThanOrEqual(page.items[4]!.degree);
    const next = await getJson<ActorPage>(served.app, '/api/actors?limit=5&offset=5&sort=name&kind=state');
    expect(next.items.every((a) => a.kind === 'state')).toBe(true);
  });

  it('keeps a search ranked: sort or offset with q is a 400 naming the parameter', async () => {
    expect(await getJson<unknown[]>(served.app, '/api/actors?q=ttp&limit=3')).not.toHaveProperty('total');
    const problem = await getJson<Problem>(served.app, '/api/actors?q=ttp&sort=name', 400);
    expect(problem.parameter).toBe('sort');
  });
});

describe('an unknown document in a filter', () => {
  it.each(['/api/graph?documents=nope', '/api/claims?document=nope', '/api/export.csv?documents=nope', '/api/actors/ttp/neighborhood?documents=nope'])(
    '%s answers 400 naming it',
    async (url) => {
      const problem = await getJson<Problem>(served.app, url, 400);
      expect(problem.parameter).toMatch(/^documents?$/);
      expect(problem.detail).toContain("'nope'");
    },
  );
});

describe('CORS', () => {
  it('answers an allowed origin, and no other', async () => {
    const allowed = await served.app.inject({ url: '/api/health', headers: { origin: 'https://gephi.org' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://gephi.org');
    const other = await served.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('is off by default', async () => {
    const plain = await serveSeeds(embedded!);
    try {
      const response = await plain.app.inject({ url: '/api/health', headers: { origin: 'https://gephi.org' } });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('the explorer, not built', () => {
  it('answers a page request with a 404 that says how to build it; API 404s stay plain', async () => {
    const bare = await serveSeeds(embedded!, { clientDir: '/nonexistent/client/dist' });
    try {
      const page = await getJson<Problem>(bare.app, '/', 404);
      expect(page.detail).toContain('npm run build:client');
      const api = await getJson<Problem>(bare.app, '/api/nope', 404);
      expect(api.detail).not.toContain('build:client');
    } finally {
      await bare.close();
    }
  });
});

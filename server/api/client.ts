/**
 * The built explorer (client/dist) at /, when it has been built: static files, and
 * index.html for the client's own routes. Unknown /api routes stay problem+json 404s; without
 * a build, a page request gets a 404 that says how to build the explorer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from './error-handler.ts';
import { NotFound } from '../errors.ts';

/** client/dist of the checkout or the installed package (the same depth from here in server/ and its build). */
export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../client/dist', import.meta.url));

export const clientBuilt = (clientDir: string = DEFAULT_CLIENT_DIR): boolean => existsSync(join(clientDir, 'index.html'));

export const CLIENT_NOT_BUILT = 'the explorer is not built: run `npm run build:client` (or `npm start`) in the dyad checkout';

export async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const built = clientBuilt(clientDir);
  if (built) await app.register(fastifyStatic, { root: clientDir, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const isApi = path === '/api' || path.startsWith('/api/');
    const isPage = !isApi && (request.method === 'GET' || request.method === 'HEAD');
    if (built && isPage) return reply.type('text/html').sendFile('index.html');
    const problem = toProblem(new NotFound('route', `${request.method} ${path}`));
    return sendProblem(reply, isPage ? { ...problem, detail: CLIENT_NOT_BUILT } : problem);
  });
}

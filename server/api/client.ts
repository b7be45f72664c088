/**
 * The built explorer (client/dist) at /, when it has been built: static files, and
 * index.html for the client's own routes. Unknown /api routes stay problem+json 404s.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from './error-handler.ts';
import { NotFound } from '../errors.ts';

export async function registerClient(app: FastifyInstance, clientDir: string): Promise<void> {
  const built = existsSync(join(clientDir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: clientDir, prefix: '/' });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const isApi = path === '/api' || path.startsWith('/api/');
    if (built && !isApi && (request.method === 'GET' || request.method === 'HEAD')) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, toProblem(new NotFound('route', `${request.method} ${path}`)));
  });
}

/** Writes over HTTP: off without DYAD_API_TOKEN, else a bearer token compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthorized } from '../errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** An onRequest hook: runs before the body is read, so a refused write costs nothing. */
export function requireToken(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return async (request: FastifyRequest): Promise<void> => {
    if (!expected) throw new Forbidden('writes are disabled: the server has no DYAD_API_TOKEN');
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new Unauthorized('a write needs an Authorization: Bearer <token> header');
    if (!timingSafeEqual(digest(match[1]!.trim()), expected)) throw new Unauthorized('the bearer token is wrong');
  };
}

/**
 * Writes over HTTP: off without a token, else a bearer token compared in constant time with
 * every configured one. DYAD_API_TOKEN is DYAD_ANALYST's; DYAD_API_TOKENS names one analyst a
 * token, and claim history records the name of the token used.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { Forbidden, Unauthorized } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The analyst whose token authorised this write (set by requireToken). */
    analyst?: string;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export interface AnalystToken {
  analyst: string;
  token: string;
}

/** Every token the server accepts, with the analyst it names. */
export function analystTokens(config: Pick<Config, 'DYAD_API_TOKEN' | 'DYAD_ANALYST' | 'DYAD_API_TOKENS'>): AnalystToken[] {
  return [...(config.DYAD_API_TOKEN ? [{ analyst: config.DYAD_ANALYST, token: config.DYAD_API_TOKEN }] : []), ...config.DYAD_API_TOKENS];
}

/** An onRequest hook: runs before the body is read, so a refused write costs nothing. Sets request.analyst. */
export function requireToken(tokens: AnalystToken[]) {
  const expected = tokens.map(({ analyst, token }) => ({ analyst, digest: digest(token) }));
  return async (request: FastifyRequest): Promise<void> => {
    if (expected.length === 0) throw new Forbidden('writes are disabled: the server has no DYAD_API_TOKEN or DYAD_API_TOKENS');
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new Unauthorized('a write needs an Authorization: Bearer <token> header');
    const given = digest(match[1]!.trim());
    // Every token is compared, whichever matches: the time taken says nothing about which.
    let analyst: string | undefined;
    for (const candidate of expected) if (timingSafeEqual(given, candidate.digest)) analyst ??= candidate.analyst;
    if (analyst === undefined) throw new Unauthorized('the bearer token is wrong');
    request.analyst = analyst;
  };
}

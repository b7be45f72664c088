/**
 * Held answers (server/store/read-cache.ts: the same unchanged object for every request until the
 * next write) leave as bytes made once: their UTF-8 encoding, and for a client that accepts gzip
 * (every browser does) their gzip compression with `Content-Encoding: gzip`, compressed off the
 * event loop (zlib's thread pool) by the first request that wants it and shared by the rest. A
 * hub's depth-2 neighbourhood is about 320 KB of JSON: encoding and writing it to every socket was
 * most of what such a request cost. Answers not held leave as Fastify writes them.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isHeld } from '../store/read-cache.ts';

const gzipped = promisify(gzip);

/** The codings of an Accept-Encoding header looked at: a browser sends four or five. */
const MAX_CODINGS = 32;

/**
 * Whether an Accept-Encoding header admits gzip (RFC 9110 §12.5.3): named (or as x-gzip), or
 * covered by `*`, with a quality above zero.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star: boolean | undefined;
  for (const part of header.split(',', MAX_CODINGS)) {
    const [coding = '', ...params] = part.split(';');
    const name = coding.trim().toLowerCase();
    const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star ?? false;
}

interface Encoded {
  /** The route's text of the answer: a held answer is written once per route (serializer.ts). */
  text: string;
  utf8: Buffer;
  gzip?: Promise<Buffer>;
}

export function sendHeldAnswersEncodedOnce(app: FastifyInstance): void {
  /** The held answer a request is being answered with, between its serialisation and its sending. */
  const answering = new WeakMap<FastifyRequest, object>();
  const encoded = new WeakMap<object, Encoded>();
  // A client sends the same Accept-Encoding with every request: read it once.
  let lastHeader: string | undefined;
  let lastAccepts = false;
  const wantsGzip = (header: string | undefined) => {
    if (header !== lastHeader) [lastHeader, lastAccepts] = [header, acceptsGzip(header)];
    return lastAccepts;
  };

  // Callback hooks: every response passes through them, most without a held answer.
  app.addHook('preSerialization', (request, _reply, payload, done) => {
    if (isHeld(payload)) answering.set(request, payload);
    done(null, payload);
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    const answer = answering.get(request);
    if (answer === undefined || typeof payload !== 'string') return done(null, payload);
    let bytes = encoded.get(answer);
    if (bytes?.text !== payload) encoded.set(answer, (bytes = { text: payload, utf8: Buffer.from(payload) }));
    const vary = reply.getHeader('vary');
    reply.header('vary', vary ? `${String(vary)}, accept-encoding` : 'accept-encoding');
    if (!wantsGzip(request.headers['accept-encoding'])) return done(null, bytes.utf8);
    const held = bytes;
    held.gzip ??= gzipped(held.utf8).catch((error: unknown) => {
      // Not kept: the next request compresses again.
      held.gzip = undefined;
      throw error;
    });
    reply.header('content-encoding', 'gzip');
    held.gzip.then((body) => done(null, body), done);
  });
}

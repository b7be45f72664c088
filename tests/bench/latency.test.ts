/**
 * The bench's load generator: every answer's bytes read to the end at each connection count, a
 * non-2xx answer counted as an error and not as a latency sample, the browser's encodings asked for.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from './latency.ts';

/** Larger than a socket read, so an answer arrives in several chunks. */
const BODY = Buffer.alloc(300_000, 'x');

describe('load', () => {
  let server: Server;
  let base: string;
  const seen = { bytes: 0, encodings: new Set<string>(), concurrent: 0, mostConcurrent: 0 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.encodings.add(String(request.headers['accept-encoding']));
      seen.concurrent++;
      seen.mostConcurrent = Math.max(seen.mostConcurrent, seen.concurrent);
      // Answered a little later, so concurrent requests overlap.
      setTimeout(() => {
        seen.concurrent--;
        if (request.url === '/fail') {
          response.writeHead(500).end('no');
          return;
        }
        response.writeHead(200, { 'content-length': BODY.length });
        response.end(BODY, () => (seen.bytes += BODY.length));
      }, 2);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('times answers read to their last byte, with as many requests in flight as connections', async () => {
    const result = await load(`${base}/big`, 4, 0.5, 5);
    expect(result.errors).toBe(0);
    expect(result.samples).toBeGreaterThan(10);
    expect(result.p50).toBeGreaterThanOrEqual(2);
    expect(result.p99).toBeGreaterThanOrEqual(result.p50);
    expect(result.rps).toBeGreaterThan(0);
    expect(seen.mostConcurrent).toBe(4);
    expect(seen.bytes).toBeGreaterThanOrEqual(result.samples * BODY.length);
    expect([...seen.encodings]).toEqual(['gzip, deflate, br']);
  });

  it('counts a non-2xx answer as an error, not as a sample', async () => {
    const result = await load(`${base}/fail`, 2, 0.3, 5);
    expect(result.samples).toBe(0);
    expect(result.errors).toBeGreaterThan(0);
  });
});

/**
 * Latency of one request at a number of connections, from a closed-loop load generator on
 * undici (loopback only, bounded in time), or of any async call run back to back (the plain
 * Cypher baseline). A request slower than the whole budget gets one timed sample instead of a
 * load run. The load generator asks as a browser does, with `Accept-Encoding: gzip, deflate, br`
 * (the explorer's requests all do), so a response the server compresses is measured compressed;
 * the single timed requests go through fetch, which asks for gzip too.
 *
 * Why not autocannon: it appends every response body to a string (its request queue's addBody),
 * so each compressed answer is decoded as UTF-8 on the generator's side. On a 42 KB answer that
 * was 87.5% of the generator's CPU (node --cpu-prof: Buffer toString), a whole core of the two it
 * shares with the server, and capped the hub's depth 2 at 2,000 answers a second while the server
 * sat three quarters idle. undici (Node's own HTTP client, llhttp) reads the bytes and drops them.
 */
import { Pool } from 'undici';

/** What a browser sends that changes the answer's bytes. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  samples: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function summarise(times: number[], seconds: number, errors: number): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  if (sorted.length === 0) return { p50: NaN, p95: NaN, p99: NaN, rps: 0, samples: 0, errors };
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    rps: round(sorted.length / seconds),
    samples: sorted.length,
    errors,
  };
}

/** Runs `call` back to back for up to `seconds` (at most `max` times) and summarises. */
export async function timeCalls(call: () => Promise<unknown>, seconds: number, max = 500): Promise<Latency> {
  const times: number[] = [];
  const started = performance.now();
  let errors = 0;
  while (times.length + errors < max && performance.now() - started < seconds * 1000) {
    const t = performance.now();
    try {
      await call();
      times.push(performance.now() - t);
    } catch {
      errors++;
    }
  }
  return summarise(times, (performance.now() - started) / 1000, errors);
}

/** One GET, timed; throws on a non-2xx answer. */
export async function timeOnce(url: string, timeoutSec: number): Promise<number> {
  const t = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutSec * 1000) });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return performance.now() - t;
}

/**
 * `connections` clients against `url` for `seconds`, each sending its next request when its last
 * answer's final byte arrived (a closed loop, one request a connection at a time, as autocannon
 * runs); the time of each answer is from sending to its last byte.
 */
export async function load(url: string, connections: number, seconds: number, timeoutSec: number): Promise<Latency> {
  const { origin, pathname, search } = new URL(url);
  const pool = new Pool(origin, { connections, pipelining: 1, headersTimeout: timeoutSec * 1000, bodyTimeout: timeoutSec * 1000 });
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const { statusCode, body } = await pool.request({ path: pathname + search, method: 'GET', headers: BROWSER_HEADERS });
        for await (const _chunk of body);
        if (statusCode >= 200 && statusCode < 300) times.push(performance.now() - t);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, client));
  } finally {
    await pool.close();
  }
  return summarise(times, (performance.now() - started) / 1000, errors);
}

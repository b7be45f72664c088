/**
 * Latency of one request at a number of connections, from autocannon (loopback only, bounded
 * in time), or of any async call run back to back (the plain Cypher baseline). A request
 * slower than the whole budget gets one timed sample instead of a load run. autocannon asks as a
 * browser does, with `Accept-Encoding: gzip, deflate, br` (the explorer's requests all do), so a
 * response the server compresses is measured compressed; the single timed requests go through
 * fetch, which asks for gzip too.
 */
import autocannon from 'autocannon';

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

/** autocannon against `url` with `connections` for `seconds`; response times recorded per response. */
export async function load(url: string, connections: number, seconds: number, timeoutSec: number): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: timeoutSec, headers: BROWSER_HEADERS }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, time) => {
      if (status >= 200 && status < 300) times.push(time);
      else errors++;
    });
  });
  return summarise(times, result.duration, errors + result.errors);
}

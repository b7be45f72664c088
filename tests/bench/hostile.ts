/**
 * `npm run bench:hostile`: /api/health latency while 1 MB pathological texts are posted.
 * A real server on loopback over a scratch embedded store with the seeds: first health
 * alone (the baseline), then health polled while each hostile text is extracted. Prints
 * p50/p95/p99, the ratio to the baseline, and how each POST ended and when.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { DEFAULT_EXTRACTION_BUDGET_MS } from '../../server/ingest/extract-pool.ts';
import { EmbeddedStore } from '../../server/store/embedded/index.ts';
import { seedsDir, seedStore } from '../helpers/seed.ts';
import { hostileTexts } from './hostile-texts.ts';
import { latencies, latenciesDuring, percentile } from './hostile-probe.ts';

const TOKEN = 'bench-hostile';
const BYTES = 1_000_000;

const dir = await mkdtemp(join(tmpdir(), 'dyad-bench-hostile-'));
const store = new EmbeddedStore({ dataDir: dir, logger: pino({ level: 'silent' }) });
await store.open();
await seedStore(store);
const app = await buildApp({ store, config: loadConfig({ DYAD_API_TOKEN: TOKEN }), seedsDir, rateLimit: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const post = (title: string, text: string) =>
  fetch(`${base}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title, text }),
  });

const row = (label: string, values: number[], baseline?: number) => {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(values, p));
  const ratio = baseline ? `  p95 ×${(p95! / baseline).toFixed(1)} baseline` : '';
  return `${label.padEnd(40)} n=${String(values.length).padStart(4)}  p50 ${p50!.toFixed(1)} ms  p95 ${p95!.toFixed(1)} ms  p99 ${p99!.toFixed(1)} ms${ratio}`;
};

try {
  await (await post('warm-up', 'Pakistan accuses the TTP.')).arrayBuffer();
  const baseline = await latencies(`${base}/api/health`, 200);
  const baselineP95 = percentile(baseline, 95);
  process.stdout.write(`extraction budget ${DEFAULT_EXTRACTION_BUDGET_MS} ms; texts of ${BYTES} bytes\n`);
  process.stdout.write(`${row('GET /api/health, idle (baseline)', baseline)}\n`);
  for (const [name, text] of Object.entries(hostileTexts(BYTES))) {
    const started = performance.now();
    const { latencies: during, result } = await latenciesDuring(
      `${base}/api/health`,
      post(`hostile ${name}`, text).then(async (r) => ({ status: r.status, ms: performance.now() - started, body: await r.arrayBuffer() })),
    );
    process.stdout.write(`${row(`GET /api/health during ${name}`, during, baselineP95)}  POST ${result.status} in ${(result.ms / 1000).toFixed(2)} s\n`);
  }
} finally {
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

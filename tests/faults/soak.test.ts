/**
 * A short bounded soak: 32 connections on loopback for SOAK_SECONDS (default 20) against a
 * listening server over the seeds, reads of every kind with a few writes mixed in. No 5xx,
 * no failed connection, a served answer for every request, and memory that does not run away.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { percentile } from '../bench/hostile-probe.ts';
import { type Served, serveSeeds } from '../api/app-fixture.ts';
import { storeCases } from '../helpers/stores.ts';

const TOKEN = 'test-token-soak';
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const CONNECTIONS = 32;
const READS = [
  '/api/health',
  '/api/graph',
  '/api/graph?types=SUPPORTS&minDocuments=2',
  '/api/actors?q=taliban',
  '/api/actors/ttp',
  '/api/actors/ttp/neighborhood?depth=2',
  '/api/claims?object=ttp&type=SUPPORTS',
  '/api/paths?from=ttp&to=pakistan',
  '/api/documents',
];

describe('soak', () => {
  let served: Served;
  let base: string;
  beforeAll(async () => {
    served = await serveSeeds(storeCases[0]!, { env: { DYAD_API_TOKEN: TOKEN } });
    await served.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(served.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => served?.close());

  test(`${CONNECTIONS} connections for ${SECONDS} s: no 5xx, memory bounded`, { timeout: (SECONDS + 60) * 1000 }, async () => {
    const statuses = new Map<number, number>();
    const latencies: number[] = [];
    const failures: string[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const heapBefore = process.memoryUsage().heapUsed;
    const connection = async (c: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const write = i % 25 === 24;
        const started = performance.now();
        try {
          const response = write
            ? await fetch(`${base}/api/documents`, {
                method: 'POST',
                headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
                body: JSON.stringify({ id: `soak-${c}-${i}`, title: `Soak ${c}-${i}`, text: `Pakistan accuses the TTP (${c}/${i}).` }),
              })
            : await fetch(`${base}${READS[(c + i) % READS.length]}`);
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        } catch (error) {
          failures.push((error as Error).message);
        }
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => connection(c)));
    const served5xx = [...statuses].filter(([status]) => status >= 500);
    expect(failures).toEqual([]);
    expect(served5xx).toEqual([]);
    expect([...statuses.keys()].every((s) => s === 200 || s === 201)).toBe(true);
    expect(latencies.length).toBeGreaterThan(CONNECTIONS);
    // Loose, on a shared machine: no request waits anywhere near a stall.
    expect(percentile(latencies, 99)).toBeLessThan(30_000);
    // Everything written stays in memory by design (the embedded graph); the rest must not grow.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
  });
});

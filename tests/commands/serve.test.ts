import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreHealth } from '../../server/domain/index.ts';
import { type Served, serve } from '../helpers/serve.ts';

let served: Served | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  served?.process.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('dyad serve', () => {
  it('ingests the seeds into an empty store, prints its URL, serves the API, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-serve-'));
    served = await serve({ DYAD_DATA_DIR: dataDir, NEO4J_URI: '', LOG_LEVEL: 'info' });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = (await (await fetch(`${served.url}/api/health`)).json()) as StoreHealth;
    expect(health).toMatchObject({ store: 'embedded', reachable: true });
    expect(health.counts!.documents).toBe(5);
    const evidence = await fetch(`${served.url}/api/claims?object=ttp&type=SUPPORTS`);
    expect(evidence.status).toBe(200);
    // Beside the journal, where `dyad ingest` looks for it; readable by this user only.
    const record = JSON.parse(await readFile(join(dataDir, 'server.json'), 'utf8')) as { url: string; pid: number };
    expect(record).toMatchObject({ url: served.url, pid: served.process.pid });
    expect(await served.stop()).toBe(0);
    served = undefined;
    await expect(readFile(join(dataDir, 'server.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

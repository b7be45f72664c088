import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreHealth } from '../../server/domain/index.ts';

let child: ChildProcess | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Starts `dyad serve` on a free port; resolves with its address once it listens. */
function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; process: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    proc.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (listening) resolve({ url: listening[1]!, process: proc });
    });
    proc.once('exit', (code) => reject(new Error(`dyad serve exited ${code}:\n${log}`)));
  });
}

describe('dyad serve', () => {
  it('ingests the seeds into an empty store, serves the API, and stops cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'dyad-serve-'));
    const started = await serve({ DYAD_DATA_DIR: dataDir, NEO4J_URI: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    child = started.process;
    const health = (await (await fetch(`${started.url}/api/health`)).json()) as StoreHealth;
    expect(health).toMatchObject({ store: 'embedded', reachable: true });
    expect(health.counts!.documents).toBe(5);
    const evidence = await fetch(`${started.url}/api/claims?object=ttp&type=SUPPORTS`);
    expect(evidence.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  });
});

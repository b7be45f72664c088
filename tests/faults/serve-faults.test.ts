/**
 * `dyad serve` as a process under faults: SIGKILL during a burst of writes, a damaged
 * journal at start, a read-only data folder, a journal that cannot grow. Nothing
 * acknowledged is lost, nothing damaged is dropped, and every failure is a clear message
 * or a health report, never a stack trace.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, test } from 'vitest';
import type { DocumentDetail, StoreHealth, SubmissionResult } from '../../server/domain/index.ts';
import { EmbeddedStore, JOURNAL_FILE } from '../../server/store/embedded/index.ts';
import { seedStore } from '../helpers/seed.ts';
import { listening, SERVE, serveEnv, useServeProcesses } from '../helpers/serve-process.ts';

const TOKEN = 'test-token-faults';
const processes = useServeProcesses();
const env = (dataDir: string) => serveEnv(dataDir, { DYAD_API_TOKEN: TOKEN });

async function serve(dataDir: string, fileSizeKiB?: number): Promise<{ url: string; child: ChildProcess }> {
  const child = processes.start(env(dataDir), fileSizeKiB);
  return { url: await listening(child), child };
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** An embedded data folder with the seeds in it, written in this process. */
async function seededDataDir(): Promise<string> {
  const dataDir = join(await processes.scratch(), 'data');
  const store = new EmbeddedStore({ dataDir, logger: pino({ level: 'silent' }) });
  await store.open();
  await seedStore(store);
  await store.close();
  return dataDir;
}

const STACK = /^\s+at /m;

describe('dyad serve under faults', () => {
  test('SIGKILL during 32 concurrent writers: every acknowledged document is there after restart, whole', { timeout: 180_000 }, async () => {
    const dataDir = await seededDataDir();
    const first = await serve(dataDir);
    const acknowledged = new Map<string, number>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const text = `Report ${w}-${i}: Pakistan accuses the Afghan Taliban of harbouring the TTP. Kabul denies it.`;
        const response = await post(first.url, { id: `burst-${w}-${i}`, title: `Burst ${w}-${i}`, text }).catch(() => undefined);
        if (response?.status === 201) acknowledged.set(`burst-${w}-${i}`, ((await response.json()) as SubmissionResult).claims);
      }
    };
    const writers = Array.from({ length: 32 }, (_, w) => writer(w));
    while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const second = await serve(dataDir);
    const health = (await (await fetch(`${second.url}/api/health`)).json()) as StoreHealth;
    expect(health.reachable).toBe(true);
    for (const [id, claims] of acknowledged) {
      const detail = (await (await fetch(`${second.url}/api/documents/${id}`)).json()) as DocumentDetail;
      expect(detail.claims, id).toHaveLength(claims);
    }
  });

  test('a damaged journal: serve refuses to start, naming file and line, with no stack, and leaves the bytes', { timeout: 60_000 }, async () => {
    const dataDir = await seededDataDir();
    const journal = join(dataDir, JOURNAL_FILE);
    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"title":"', '"title":"X');
    await writeFile(journal, lines.join('\n'));
    const damaged = await readFile(journal);
    const result = spawnSync(SERVE[0]!, SERVE.slice(1), { cwd: processes.root, env: env(dataDir), encoding: 'utf8', timeout: 50_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${journal}:3:`);
    expect(result.stderr).not.toMatch(STACK);
    expect(await readFile(journal)).toEqual(damaged);
  });

  test('a read-only data folder: a clear error naming it, no stack', { timeout: 60_000 }, async () => {
    const dataDir = join(await processes.scratch(), 'data');
    await mkdir(dataDir);
    await chmod(dataDir, 0o555);
    await chmod(join(dataDir, '..'), 0o755);
    // Root writes anywhere: run as nobody then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = spawnSync(SERVE[0]!, SERVE.slice(1), { cwd: processes.root, env: env(dataDir), encoding: 'utf8', timeout: 50_000, ...asUser });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(dataDir);
    expect(result.stderr).toContain('not writable');
    expect(result.stderr).not.toMatch(STACK);
  });

  test('a journal that cannot grow: the write is 503 and health says so; reads go on', { timeout: 90_000 }, async () => {
    const dataDir = await seededDataDir();
    const size = (await stat(join(dataDir, JOURNAL_FILE))).size;
    const served = await serve(dataDir, Math.ceil(size / 1024) + 256);
    const large = await post(served.url, { title: 'Too large to journal', text: 'lorem ipsum dolor sit amet '.repeat(20_000) });
    expect(large.status).toBe(503);
    const health = await fetch(`${served.url}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()) as StoreHealth).toMatchObject({ store: 'embedded', reachable: false });
    expect((await fetch(`${served.url}/api/documents`)).status).toBe(200);
  });
});

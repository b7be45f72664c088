/**
 * The package works outside the checkout: `npm pack` (which builds the server and the explorer),
 * the tarball installed into an empty folder, and its `dyad` run from there with no tsx and no
 * checkout in sight: --version, check (the bundled seeds), serve (API and explorer).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreHealth } from '../../server/domain/index.ts';

const run = promisify(execFile);
const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };

let dir: string;
let app: string;
let dyad: string;
let server: ChildProcess | undefined;
/** The environment of a user's shell: none of the test run's dyad settings. */
const userEnv = () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(DYAD_|NEO4J_|PORT$|HOST$|NODE_OPTIONS$)/.test(name)));
  return { ...env, DYAD_DATA_DIR: join(dir, 'data') };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dyad-pack-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { maxBuffer: 64 * 1024 * 1024 });
  const tarball = join(dir, stdout.trim().split('\n').pop()!);
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), '{ "name": "somewhere-else", "private": true }\n');
  // The cache npm ci filled serves the dependencies; the registry only for what is missing.
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, maxBuffer: 64 * 1024 * 1024 });
  dyad = join(app, 'node_modules', '.bin', 'dyad');
}, 600_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed dyad, installed into an empty folder', () => {
  it('ships no TypeScript runner: the bin is built JavaScript', async () => {
    const installed = join(app, 'node_modules');
    await expect(readFile(join(installed, 'tsx', 'package.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readFile(dyad, 'utf8')).split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  it('answers --version', async () => {
    const { stdout } = await run(dyad, ['--version'], { cwd: app, env: userEnv() });
    expect(stdout.trim()).toBe(version);
  });

  it('checks its bundled seeds', async () => {
    const { stdout } = await run(dyad, ['check'], { cwd: app, env: userEnv() });
    expect(stdout).toMatch(/node_modules\/dyad\/seeds is valid: 5 documents, \d+ claims/);
  });

  it('serves the API, loaded with the seeds, and the built explorer, and takes a document', { timeout: 120_000 }, async () => {
    const env = { ...userEnv(), DYAD_API_TOKEN: 'packed-token' };
    server = spawn(dyad, ['serve', '--port', '0', '--host', '127.0.0.1'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      let err = '';
      server!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const listening = /dyad serving (http:\/\/\S+)/.exec(out);
        if (listening) resolve(listening[1]!);
      });
      server!.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      server!.once('exit', (code) => reject(new Error(`dyad serve exited ${code}:\n${err}`)));
    });
    const health = (await (await fetch(`${url}/api/health`)).json()) as StoreHealth;
    expect(health).toMatchObject({ store: 'embedded', reachable: true, counts: { documents: 5 } });
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script[^>]+src="\.?\/assets\//);
    // A posted document runs the extractor: every module it loads is in the package too.
    const posted = await fetch(`${url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer packed-token' },
      body: JSON.stringify({ title: 'Packed', text: 'The Pakistani Taliban clashed with the Pakistan Army in Bannu.' }),
    });
    expect(posted.status).toBe(201);
    const exited = new Promise<number | null>((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  });
});

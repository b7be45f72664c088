/**
 * docker compose and server/Dockerfile without a Docker engine: the compose file's promises
 * (loopback ports, Neo4j auth and the token from .env, a health check, the Dockerfile it
 * builds) checked on its parsed YAML; the Dockerfile linted for the rules we keep (multi-stage,
 * non-root, health check, nothing installed at run time); and its steps run as a script: the
 * build stage's COPY and RUN in a scratch folder, the runtime stage assembled by its
 * COPY --from, then its CMD started with its ENV and its HEALTHCHECK run against it.
 * Not run here: the base images, the runtime stage's RUN (mkdir/chown of /data), USER, VOLUME.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/store/neo4j/launcher/run.ts';

const run = promisify(execFile);

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name?: string;
  image: string;
  steps: Instruction[];
}

/** The Dockerfile as stages of instructions (continuation lines joined, comments dropped). */
function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s+(.*)$/.exec(line)!;
    if (op!.toUpperCase() === 'FROM') {
      const [image, , name] = args!.split(/\s+/);
      stages.push({ image: image!, ...(name ? { name } : {}), steps: [] });
    } else stages.at(-1)!.steps.push({ op: op!.toUpperCase(), args: args! });
  }
  return stages;
}

const exec = (args: string): string[] => JSON.parse(args.replace(/^(--\S+\s+)*CMD\s+/, '')) as string[];
const root = process.cwd();
const stages = parseDockerfile(await readFile('server/Dockerfile', 'utf8'));
const [buildStage, runStage] = stages as [Stage, Stage];
const compose = parse(await readFile('docker-compose.yml', 'utf8')) as {
  services: Record<string, { ports?: string[]; environment?: Record<string, string>; healthcheck?: { test: string[] }; build?: { context: string; dockerfile: string } }>;
};

describe('docker-compose.yml', () => {
  it('binds every published port to 127.0.0.1', () => {
    const ports = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('sets Neo4j auth, its password and the write token from .env, as .env.example documents them', async () => {
    const { neo4j, dyad } = compose.services;
    expect(neo4j!.environment!.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
    expect(dyad!.environment!.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
    expect(dyad!.environment!.DYAD_API_TOKEN).toMatch(/^\$\{DYAD_API_TOKEN:\?/);
    const example = await readFile('.env.example', 'utf8');
    const used = new Set([...JSON.stringify(compose).matchAll(/\$\{(\w+)/g)].map((m) => m[1]));
    for (const name of used) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });

  it('builds dyad from server/Dockerfile and checks its health on /api/health', () => {
    const { dyad } = compose.services;
    expect(dyad!.build).toEqual({ context: '.', dockerfile: 'server/Dockerfile' });
    expect(dyad!.healthcheck!.test.join(' ')).toContain('/api/health');
  });
});

describe('server/Dockerfile', () => {
  it('builds in one stage and runs the built server in another, as a user other than root', () => {
    expect(stages).toHaveLength(2);
    expect(buildStage.name).toBe('build');
    for (const stage of stages) expect(stage.image).toMatch(/^node:\d+[\w.-]*$/);
    const ops = runStage.steps.map((s) => s.op);
    expect(ops).toContain('HEALTHCHECK');
    const user = runStage.steps.filter((s) => s.op === 'USER').at(-1);
    expect(user?.args).toBeDefined();
    expect(user!.args).not.toMatch(/^(root|0)(:|$)/);
    // Nothing is installed or built at run time.
    for (const step of runStage.steps.filter((s) => s.op === 'RUN')) expect(step.args).not.toMatch(/\bnpm\b|\bnpx\b/);
    expect(exec(runStage.steps.find((s) => s.op === 'CMD')!.args)).toEqual(['node', 'dist/cli.js', 'serve']);
  });

  it('copies only what exists and what .dockerignore lets through', async () => {
    const ignored = (await readFile('.dockerignore', 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
    for (const step of buildStage.steps.filter((s) => s.op === 'COPY')) {
      for (const source of step.args.split(/\s+/).slice(0, -1)) {
        expect(existsSync(source), source).toBe(true);
        expect(ignored).not.toContain(source);
      }
    }
  });
});

describe('server/Dockerfile, its steps run as a script', () => {
  let scratch: string;
  let server: ChildProcess | undefined;
  afterAll(async () => {
    server?.kill('SIGKILL');
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('builds, assembles the runtime stage, serves, and passes its own health check', { timeout: 900_000 }, async () => {
    scratch = await mkdtemp(join(tmpdir(), 'dyad-image-'));
    /** A stage's filesystem: its WORKDIR under scratch/<stage>. */
    const workdir = (stage: string, dir: string) => join(scratch, stage, dir);
    let dir = '/';
    for (const step of buildStage.steps) {
      if (step.op === 'WORKDIR') await mkdir(workdir('build', (dir = step.args)), { recursive: true });
      if (step.op === 'COPY') {
        const parts = step.args.split(/\s+/);
        const target = parts.at(-1)!;
        for (const source of parts.slice(0, -1)) await cp(join(root, source), join(workdir('build', dir), target === './' ? source : target), { recursive: true });
      }
      if (step.op === 'RUN') await run('sh', ['-c', step.args], { cwd: workdir('build', dir), maxBuffer: 64 * 1024 * 1024 });
    }
    const env: Record<string, string> = {};
    dir = '/';
    for (const step of runStage.steps) {
      if (step.op === 'WORKDIR') await mkdir(workdir('run', (dir = step.args)), { recursive: true });
      if (step.op === 'ENV') for (const [, k, v] of step.args.matchAll(/(\w+)=(\S+)/g)) env[k!] = v!;
      if (step.op === 'COPY') {
        const [from, source, target] = step.args.split(/\s+/) as [string, string, string];
        expect(from).toBe('--from=build');
        const destination = target === './' ? join(workdir('run', dir), source.split('/').pop()!) : join(workdir('run', dir), target);
        await cp(join(scratch, 'build', source), destination, { recursive: true });
      }
    }
    // Nothing of the checkout is reachable from the assembled image: no tsx, no sources.
    expect(existsSync(join(workdir('run', dir), 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(workdir('run', dir), 'server'))).toBe(false);

    const port = String(await freePort());
    const runEnv = { PATH: process.env.PATH!, HOME: scratch, ...env, PORT: port, HOST: '127.0.0.1', DYAD_DATA_DIR: join(scratch, 'data') };
    const [command, ...args] = exec(runStage.steps.find((s) => s.op === 'CMD')!.args);
    server = spawn(command!, args, { cwd: workdir('run', dir), env: runEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      server!.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
      server!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('dyad serving') && resolve());
      server!.once('exit', (code) => reject(new Error(`the image's CMD exited ${code}:\n${err}`)));
    });
    const [check, ...checkArgs] = exec(runStage.steps.find((s) => s.op === 'HEALTHCHECK')!.args);
    await expect(run(check!, checkArgs, { env: runEnv })).resolves.toBeDefined();
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { counts: { documents: number } };
    expect(health.counts.documents).toBe(5);
  });
});

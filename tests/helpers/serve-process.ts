/** `dyad serve` as a child process for fault tests, with scratch folders; all killed and removed after each test. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const root = join(import.meta.dirname, '../..');
export const SERVE = [process.execPath, '--import', 'tsx', 'server/cli.ts', 'serve'];

/** The environment of a loopback `dyad serve` on a free port over the embedded store in `dataDir`. */
export const serveEnv = (dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DYAD_DATA_DIR: dataDir,
  NEO4J_URI: '',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  ...extra,
});

export function useServeProcesses() {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  return {
    root,
    async scratch(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'dyad-serve-'));
      dirs.push(dir);
      return dir;
    },
    /** Starts `dyad serve`, optionally under a file-size limit in KiB (ulimit -f). */
    start(env: NodeJS.ProcessEnv, fileSizeKiB?: number): ChildProcess {
      const child = fileSizeKiB
        ? spawn('bash', ['-c', `ulimit -f ${fileSizeKiB} && exec "$@"`, 'serve', ...SERVE], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] })
        : spawn(SERVE[0]!, SERVE.slice(1), { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
      children.push(child);
      return child;
    },
  };
}

/** Resolves with the server's URL once the child logs that it listens; rejects if it exits first. */
export function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`dyad serve exited ${code}:\n${log}`)));
  });
}

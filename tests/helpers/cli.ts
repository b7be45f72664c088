/** Runs the real `dyad` CLI in a child process and collects its exit code and output. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A runner with extra environment (a data dir, say), evaluated at each call. */
export function cli(env: () => NodeJS.ProcessEnv = () => ({})) {
  return (...args: string[]): Promise<CliResult> =>
    run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      env: { ...process.env, ...env() },
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: CliResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
}

export const dyad = cli();

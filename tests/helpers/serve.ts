/** `dyad serve` as a child process on a free loopback port, for tests that need a running server. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Served {
  url: string;
  process: ChildProcess;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
}

export function serve(env: NodeJS.ProcessEnv): Promise<Served> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let log = '';
    proc.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    proc.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /dyad serving (http:\/\/\S+)/.exec(out);
      if (listening)
        resolve({
          url: listening[1]!,
          process: proc,
          stop: () => {
            const exited = new Promise<number | null>((done) => proc.once('exit', done));
            proc.kill('SIGTERM');
            return exited;
          },
        });
    });
    proc.once('exit', (code) => reject(new Error(`dyad serve exited ${code}:\n${log}`)));
  });
}

/**
 * A real Neo4j 5.26 Community without Docker: builds the Java launcher beside this file with
 * Maven (Neo4j comes from Maven Central on the first build, then from ~/.m2) and starts it with
 * Bolt on loopback and no authentication.
 *
 *   tsx server/store/neo4j/launcher/run.ts start   # background; data, pid and log under .neo4j/
 *   tsx server/store/neo4j/launcher/run.ts stop
 *
 * Tests use startNeo4j() directly (tests/setup/neo4j.ts) with a throw-away data folder.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const launcherDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(launcherDir, '..', '..', '..', '..');
/** Everything the launcher writes lives under .neo4j/ (git-ignored). */
export const stateDir = join(repoRoot, '.neo4j');
const buildDir = join(stateDir, 'launcher');
const jarPath = join(buildDir, 'dyad-neo4j-launcher.jar');
const classpathPath = join(buildDir, 'classpath.txt');
const pidPath = join(stateDir, 'neo4j.pid');
const uriPath = join(stateDir, 'neo4j.uri');

/** Two cores and other work beside it: a modest heap and page cache unless StartOptions.memory asks for more. */
const DEFAULT_MEMORY: Neo4jMemory = { heapMiB: 1024, pageCacheMiB: 128 };
const jvmOptions = ({ heapMiB, pageCacheMiB, youngMiB }: Neo4jMemory) => [
  ...(youngMiB === undefined ? ['-Xms256m'] : [`-Xms${heapMiB}m`, `-Xmn${youngMiB}m`]),
  `-Xmx${heapMiB}m`,
  '-XX:+UseSerialGC',
  `-Ddyad.pageCacheBytes=${pageCacheMiB * 2 ** 20}`,
];
const MAIN_CLASS = 'dyad.neo4j.Launcher';

const run = promisify(execFile);

export interface RunningNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

/** True when `java` runs here. */
export async function javaAvailable(): Promise<boolean> {
  return run('java', ['-version']).then(
    () => true,
    () => false,
  );
}

async function newestSourceTime(): Promise<number> {
  const files = [join(launcherDir, 'pom.xml')];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk(join(launcherDir, 'src'));
  const times = await Promise.all(files.map(async (f) => (await stat(f)).mtimeMs));
  return Math.max(...times);
}

/** The jar is current when newer than every source and its classpath still resolves. */
async function buildIsCurrent(): Promise<boolean> {
  if (!existsSync(jarPath) || !existsSync(classpathPath)) return false;
  if ((await stat(jarPath)).mtimeMs <= (await newestSourceTime())) return false;
  const entries = (await readFile(classpathPath, 'utf8')).trim().split(':');
  return entries.every((entry) => existsSync(entry));
}

/** Builds the launcher jar and its classpath file unless the cached build is current. */
export async function buildLauncher(log: (line: string) => void = () => {}): Promise<string> {
  if (!(await buildIsCurrent())) {
    log('building the Neo4j launcher with Maven (the first build downloads Neo4j; this can take minutes)…');
    await run('mvn', ['-q', '-B', 'package', `-DlauncherBuildDir=${buildDir}`], {
      cwd: launcherDir,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((e: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`mvn package failed in ${launcherDir}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
  }
  return `${jarPath}:${(await readFile(classpathPath, 'utf8')).trim()}`;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

/** SIGTERM, then SIGKILL if Neo4j has not shut down within `timeoutMs`. */
async function terminate(pid: number, timeoutMs = 60_000): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5_000);
  }
}

/** True when nothing listens on `port` of the loopback interface Neo4j binds. */
export async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export const DEFAULT_BOLT_PORT = 7687;

/**
 * The Bolt port for `start`: NEO4J_PORT if given (it must be free: the user asked for it), else
 * 7687, else, when 7687 is taken (another Neo4j, say), any free port; the URI printed says which.
 */
export async function choosePort(requested: string | undefined): Promise<{ port: number; note?: string }> {
  if (requested !== undefined && requested !== '') {
    const port = Number(requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`NEO4J_PORT='${requested}' is not a port (1-65535)`);
    if (!(await portFree(port))) throw new Error(`NEO4J_PORT ${port} is in use on 127.0.0.1: pick another, or leave NEO4J_PORT unset for a free one`);
    return { port };
  }
  if (await portFree(DEFAULT_BOLT_PORT)) return { port: DEFAULT_BOLT_PORT };
  return { port: await freePort(), note: `port ${DEFAULT_BOLT_PORT} is in use; Neo4j takes a free one` };
}

/** The launcher's own words when it fails: its error lines (Neo4j's cause included), else the log's tail. */
export function launcherError(log: string): string {
  const lines = log.split('\n').filter((l) => l.trim().length > 0);
  const errors = lines.filter((l) => /exception|error|caused by|in use|denied/i.test(l) && !/^\s+at /.test(l));
  return (errors.length > 0 ? errors : lines).slice(-12).join('\n');
}

/** Resolves with the Bolt URI the launcher prints once Bolt accepts connections. */
function awaitUri(child: ChildProcess, readLine: (onLine: (line: string) => void) => void, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const settle = (f: () => void) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      f();
    };
    const onExit = (code: number | null) => settle(() => reject(new Error(`the Neo4j launcher exited (${code}) before Bolt opened`)));
    child.once('exit', onExit);
    readLine((line) => {
      if (line.startsWith('bolt://')) settle(() => resolve(line.trim()));
    });
  });
}

export interface Neo4jMemory {
  /** The JVM's maximum heap. */
  heapMiB: number;
  /** Neo4j's page cache (the store files held in memory). */
  pageCacheMiB: number;
  /**
   * The young generation, the heap then taken whole from the start (Neo4j's own advice: initial
   * heap = maximum heap). A write transaction's state (a batch of 250 documents: hundreds of MiB)
   * is then collected young, not copied from one small young generation to the next and promoted
   * into full collections (at 100,000 claims, 352 collections pausing 54 s against 19 pausing 5 s).
   * Without it the heap starts at 256 MiB and grows: a small Neo4j for tests.
   */
  youngMiB?: number;
}

export interface StartOptions {
  /** Default 1 GiB of heap and 128 MiB of page cache (tests); the benchmark asks for more. */
  memory?: Neo4jMemory;
  /** Defaults to a free port. */
  port?: number;
  /** Persistent data folder; without it the data is temporary and removed at stop. */
  dataDir?: string;
  /** Outlive this process (pid file and log under .neo4j/). */
  detached?: boolean;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export async function startNeo4j(options: StartOptions = {}): Promise<RunningNeo4j> {
  const classpath = await buildLauncher(options.log);
  const port = options.port ?? (await freePort());
  const args = [...jvmOptions(options.memory ?? DEFAULT_MEMORY), '-cp', classpath, MAIN_CLASS, String(port), ...(options.dataDir ? [options.dataDir] : [])];
  const timeoutMs = options.timeoutMs ?? 120_000;
  let child: ChildProcess;
  let uri: string;
  if (options.detached) {
    // Output goes to a log file the launcher can keep writing after this process exits.
    await mkdir(stateDir, { recursive: true });
    const logPath = join(stateDir, 'neo4j.log');
    const logFd = openSync(logPath, 'w');
    child = spawn('java', args, { detached: true, stdio: ['ignore', logFd, logFd] });
    uri = await awaitUri(
      child,
      (onLine) => {
        const poll = setInterval(async () => {
          const text = await readFile(logPath, 'utf8').catch(() => '');
          const line = text.split('\n').find((l) => l.startsWith('bolt://'));
          if (line) {
            clearInterval(poll);
            onLine(line);
          }
        }, 250);
        child.once('exit', () => clearInterval(poll));
      },
      timeoutMs,
    ).catch(async (e: Error) => {
      if (child.pid) await terminate(child.pid, 10_000);
      const log = await readFile(logPath, 'utf8').catch(() => '');
      throw new Error(`${e.message}:\n${launcherError(log)}\n(the whole log: ${logPath})`);
    });
    child.unref();
  } else {
    // Java stops when this process dies and the stdin pipe closes, even if stop() never ran.
    child = spawn('java', ['-Ddyad.exitWithStdin=true', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    uri = await awaitUri(
      child,
      (onLine) => {
        let buffered = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          lines.forEach(onLine);
        });
      },
      timeoutMs,
    ).catch(async (e: Error) => {
      if (child.pid) await terminate(child.pid, 10_000);
      throw new Error(`${e.message}:\n${launcherError(stderr)}`);
    });
  }
  const pid = child.pid!;
  return { uri, pid, stop: () => terminate(pid) };
}

/** The data folder of the Neo4j `start` runs (a Neo4j home: databases under data/databases/). */
export const localDataDir = join(stateDir, 'data');

/** The Bolt URI of the Neo4j `start` runs, if it is running. */
export async function localUri(): Promise<string | undefined> {
  return (await readPid()) ? (await readFile(uriPath, 'utf8')).trim() : undefined;
}

/**
 * Starts the persistent local Neo4j in the background on localDataDir (port NEO4J_PORT, else
 * 7687, else a free one), unless it runs already; answers its Bolt URI.
 */
export async function startLocal(log: (line: string) => void): Promise<string> {
  const running = await localUri();
  if (running) {
    log('Neo4j is already running (npm run neo4j:stop stops it)');
    return running;
  }
  const started = Date.now();
  const { port, note } = await choosePort(process.env.NEO4J_PORT);
  if (note) log(note);
  const neo4j = await startNeo4j({ port, dataDir: localDataDir, detached: true, log });
  await writeFile(pidPath, String(neo4j.pid));
  await writeFile(uriPath, neo4j.uri);
  log(`Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${neo4j.pid}); use NEO4J_URI=${neo4j.uri}`);
  return neo4j.uri;
}

async function readPid(): Promise<number | undefined> {
  const text = await readFile(pidPath, 'utf8').catch(() => undefined);
  const pid = Number(text);
  return text && Number.isInteger(pid) && alive(pid) ? pid : undefined;
}

/**
 * `install`: fetch Neo4j from Maven Central and build the launcher (CI does this before testing);
 * `start`: a persistent Neo4j in the background (port NEO4J_PORT, else 7687, else a free one; the
 * URI goes to stdout); `stop`: stops it.
 */
async function main(command: string | undefined): Promise<number> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (command === 'install') {
    const started = Date.now();
    await buildLauncher(log);
    log(`Neo4j launcher ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  }
  if (command === 'start') {
    process.stdout.write(`${await startLocal(log)}\n`);
    return 0;
  }
  if (command === 'stop') {
    const pid = await readPid();
    if (pid) await terminate(pid);
    await rm(pidPath, { force: true });
    await rm(uriPath, { force: true });
    log(pid ? `Neo4j (pid ${pid}) stopped` : 'Neo4j was not running');
    return 0;
  }
  log('usage: run.ts install|start|stop');
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}

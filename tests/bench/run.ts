/**
 * `npm run bench -- --claims N [--seconds S]`: dyad at scale, measured end to end.
 *
 * Generates (or reuses) a corpus of N claims in the seeds' format under .bench/ (corpus.ts),
 * starts a throw-away Neo4j with the tests' launcher unless NEO4J_URI is set, and measures:
 * preparation alone (prepare-probe.ts: the ceiling of any ingest here), `dyad ingest` into each store (claims/s), the bulk import into a second throw-away Neo4j
 * (bulk-import.ts: files, neo4j-admin, start, schema online; when the transactional ingest's time
 * budget left it short of the corpus, the Neo4j reads run over this whole bulk-imported database
 * instead, so they are over every claim), the embedded store's open time
 * and memory (in a fresh process), latency p50/p95/p99 and req/s of each request of
 * requests.ts at 1 and 32 connections against each store's API (loopback, S seconds each,
 * asking as a browser does: gzip accepted, latency.ts), the same questions as plain Cypher (cypher/bench/) through neo4j-driver, and a Fastify
 * hello-world route (the HTTP ceiling). Prints a table, then as the last line one JSON object with the figures.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { loadConfig } from '../../server/config.ts';
import { CypherSession, loadQuery, toParameter } from '../../server/store/neo4j/session.ts';
import { javaAvailable, type RunningNeo4j, startNeo4j } from '../../server/store/neo4j/launcher/run.ts';
import { generateCorpus } from './corpus.ts';
import { type Latency, load, timeCalls, timeOnce } from './latency.ts';
import { type BenchRequest, benchRequests } from './requests.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const benchDir = join(repoRoot, '.bench');
const CONNECTIONS = [1, 32] as const;
/** The throw-away Neo4j gets more memory than the tests' one: 100k–1M claims should stay in its page cache. */
const NEO4J_MEMORY = { heapMiB: 2048, pageCacheMiB: 2048, youngMiB: 1024 };
/** A request slower than this is timed once per connection count instead of put under load. */
const REQUEST_TIMEOUT_SEC = 120;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '5' },
    'ingest-seconds': { type: 'string', default: '480' },
    /** Only the Neo4j reads, against the database NEO4J_URI names, which already holds the corpus: no ingest, no embedded store. */
    'neo4j-reads': { type: 'boolean', default: false },
    /** Only these requests (comma-separated names of requests.ts). */
    requests: { type: 'string' },
  },
});
const readsOnly = values['neo4j-reads'];
/** The API servers inherit the environment: DYAD_READ_CACHE=0 measures every answer computed afresh. */
const heldAnswers = loadConfig().DYAD_READ_CACHE;
if (readsOnly && !process.env.NEO4J_URI) throw new Error('--neo4j-reads: NEO4J_URI must name a Neo4j that holds the corpus');
const only = values.requests?.split(',');
/** The requests measured: every one of requests.ts, or those --requests names. */
const chosenRequests = (manifest: Parameters<typeof benchRequests>[0]) => {
  const all = benchRequests(manifest);
  const unknown = only?.filter((name) => !all.some((r) => r.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`--requests: no request ${unknown.join(', ')} (there are ${all.map((r) => r.name).join(', ')})`);
  return only ? all.filter((r) => only.includes(r.name)) : all;
};
const claims = Number(values.claims);
const seconds = Number(values.seconds);
if (!Number.isInteger(claims) || claims < 20) throw new Error(`--claims: a whole number of at least 20, not '${values.claims}'`);
if (!(seconds > 0)) throw new Error(`--seconds: a positive number, not '${values.seconds}'`);
/** An ingest still running after this is stopped (a document is in or out, never half) and its rate taken over what it wrote. */
const ingestSeconds = Number(values['ingest-seconds']);
if (!(ingestSeconds > 0)) throw new Error(`--ingest-seconds: a positive number, not '${values['ingest-seconds']}'`);

/** A TypeScript entry in a child process, its stdout collected, its stderr passed through. */
function node(script: string, args: string[], env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function finish(child: ChildProcess): Promise<{ code: number | null; stdout: string }> {
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout }));
  });
}

/** A child server's first stdout line (its address). */
function address(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      child.stdout!.off('data', onData);
      resolve(buffered.slice(0, newline).trim());
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface IngestRate {
  /** Claims/s over what was written. */
  rate: number | null;
  /** Claims the store holds afterwards: all of them unless the time budget stopped the ingest. */
  stored: number;
}

/**
 * `dyad ingest` of the corpus into the store the environment names. Stopped after the time
 * budget, the rate is over the claims the store then holds (`storedClaims`); null when the
 * ingest failed or created nothing new (a store that already held the corpus).
 */
async function measureIngest(
  store: string,
  corpus: string,
  documents: number,
  env: NodeJS.ProcessEnv,
  storedClaims: () => Promise<number>,
): Promise<IngestRate> {
  log(`${store}: dyad ingest of ${claims.toLocaleString('en')} claims (budget ${ingestSeconds} s)…`);
  const started = performance.now();
  const child = node('server/cli.ts', ['ingest', corpus], { DYAD_SEEDS_DIR: corpus, ...env });
  let stopped = false;
  const budget = setTimeout(() => {
    stopped = true;
    child.kill('SIGTERM');
  }, ingestSeconds * 1000);
  const { code, stdout } = await finish(child).finally(() => clearTimeout(budget));
  const sec = (performance.now() - started) / 1000;
  if (stopped) {
    const stored = await storedClaims();
    log(`${store}: stopped after the ${ingestSeconds} s budget holding ${stored.toLocaleString('en')} claims (${sec.toFixed(1)} s)`);
    return { rate: stored / sec, stored };
  }
  log(`${store}: ${stdout.trim()} (${sec.toFixed(1)} s, exit ${code})`);
  const created = Number(/(\d+) created/.exec(stdout)?.[1] ?? 0);
  if (code !== 0 || created !== documents) {
    log(`${store}: not every document was created (a store that already held them?): no ingest rate`);
    return { rate: null, stored: await storedClaims() };
  }
  return { rate: claims / sec, stored: claims };
}

/** How many claims a Neo4j database holds. */
async function neo4jClaims(uri: string): Promise<number> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
  try {
    const [row] = await new CypherSession(driver, process.env.NEO4J_DATABASE).read('counts', {}, z.object({ claims: z.number() }).passthrough());
    return row!.claims;
  } finally {
    await driver.close();
  }
}

/**
 * The bulk import (bulk-import.ts) in a child process, with Java only: its claims/s over files,
 * import, start and schema, and its phases. The Neo4j home it imported into is kept at `home`.
 */
async function measureBulkImport(home: string): Promise<{ claimsPerSec: number; seconds: Record<string, number> } | null> {
  if (!(await javaAvailable())) return null;
  log(`neo4j bulk: dyad's neo4j-admin import of ${claims.toLocaleString('en')} claims into a fresh Neo4j…`);
  const { code, stdout } = await finish(node('tests/bench/bulk-import.ts', ['--claims', String(claims), '--keep', home], {}));
  if (code !== 0) {
    log(`neo4j bulk: failed (exit ${code}): no bulk import rate`);
    return null;
  }
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { claimsPerSec: number; seconds: Record<string, number> };
}

/** Preparation alone, nothing stored (prepare-probe.ts, a fresh process): the rate no store's ingest can pass here. */
async function measurePreparation(corpus: string): Promise<{ claimsPerSec: number; cpuSec: number }> {
  const { stdout } = await finish(node('tests/bench/prepare-probe.ts', [corpus], {}));
  const probe = JSON.parse(stdout.trim().split('\n').at(-1)!) as { claims: number; claimsPerSec: number; cpuSec: number };
  if (probe.claims !== claims) throw new Error(`preparation: ${probe.claims} claims prepared, not ${claims}`);
  log(`preparation alone: ${Math.round(probe.claimsPerSec).toLocaleString('en')} claims/s (${probe.cpuSec.toFixed(1)} s of CPU)`);
  return probe;
}

async function measureOpen(dataDir: string): Promise<{ openSec: number; rssMiB: number; claims: number }> {
  const { stdout } = await finish(node('tests/bench/open-probe.ts', [], { DYAD_DATA_DIR: dataDir }, ['--expose-gc']));
  const probe = JSON.parse(stdout.trim().split('\n').at(-1)!) as { openSec: number; rssMiB: number; counts: { claims: number } };
  return { ...probe, claims: probe.counts.claims };
}

/**
 * Every request against one store's API at each connection count: every request at one
 * connection first, then every request at 32, so a load run's backlog (and the garbage it left
 * in the server and in Neo4j) never falls on the single-connection figures the ratios use.
 */
async function measureApi(
  store: string,
  env: NodeJS.ProcessEnv,
  manifest: Awaited<ReturnType<typeof generateCorpus>>['manifest'],
  afterSingle?: (request: BenchRequest) => Promise<void>,
) {
  const server = node('tests/bench/api-server.ts', [], env);
  const base = await address(server);
  const results: Record<string, Latency | { skipped: string }> = {};
  const firsts = new Map<string, number | Error>();
  try {
    for (const c of CONNECTIONS) {
      for (const request of chosenRequests(manifest)) {
        const url = `${base}${request.path}`;
        const key = `${store} ${request.name} c${c}`;
        if (!firsts.has(request.name)) firsts.set(request.name, await warmUp(() => timeOnce(url, REQUEST_TIMEOUT_SEC)).catch((error: Error) => error));
        const first = firsts.get(request.name)!;
        if (first instanceof Error) results[key] = { skipped: first.message };
        // Too slow to put under load within the budget: the first answer is the figure at one connection.
        else if (first > (seconds * 1000) / 2) results[key] = c === 1 ? single(first) : { skipped: `one request takes ${(first / 1000).toFixed(1)} s` };
        else {
          await settle(url, first);
          results[key] = await load(url, c, seconds, REQUEST_TIMEOUT_SEC);
        }
        log(`${key}: ${describe(results[key]!)}`);
        if (c === 1) await afterSingle?.(request);
      }
    }
  } finally {
    await stop(server);
  }
  return results;
}

/**
 * Waits out the backlog a load run leaves (requests still in the server and in Neo4j when
 * the load generator stops): until one answer comes within twice the warm-up's (20 ms of slack for
 * answers of a millisecond), for as long as one request may take. 32 slow requests queued in
 * the server outlast one measurement's budget, and the next run then completed no request.
 */
async function settle(url: string, first: number): Promise<void> {
  const started = performance.now();
  const idle = Math.max(2 * first, first + 20);
  while (performance.now() - started < REQUEST_TIMEOUT_SEC * 1000 && (await timeOnce(url, REQUEST_TIMEOUT_SEC)) > idle);
}

/**
 * The first answers are slower (compilation on both sides, cold caches): three calls, unless
 * they together exceed three time budgets; the fastest says whether the request can be put under load.
 */
async function warmUp(timed: () => Promise<number>): Promise<number> {
  const started = performance.now();
  let fastest = Infinity;
  for (let i = 0; i < 3 && (i === 0 || performance.now() - started < 3 * seconds * 1000); i++) fastest = Math.min(fastest, await timed());
  return fastest;
}

const single = (ms: number): Latency => {
  const rounded = Math.round(ms * 100) / 100;
  return { p50: rounded, p95: rounded, p99: rounded, rps: Math.round((1000 / ms) * 100) / 100, samples: 1, errors: 0 };
};

const describe = (r: Latency | { skipped: string }) =>
  'skipped' in r ? `skipped: ${r.skipped}` : `p50 ${r.p50} ms, p95 ${r.p95}, p99 ${r.p99}, ${r.rps} req/s (${r.samples} samples, ${r.errors} errors)`;

/**
 * The plain Cypher baseline: a request's twin (cypher/bench/) through the driver's own one-call
 * API, one call at a time, its records as the driver returns them: no dyad code beyond integer
 * parameters (LIMIT and list slices need Neo4j integers), so the ratio is all of dyad's overhead,
 * its value conversion and row checks included. Measured right after the request's API figure at
 * one connection, so both meet the same load on this shared machine.
 */
function cypherBaseline(uri: string) {
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
  const results: Record<string, Latency> = {};
  return {
    results,
    async measure({ name, cypher }: BenchRequest): Promise<void> {
      const text = await loadQuery(cypher.query);
      const params = toParameter(cypher.params) as Record<string, unknown>;
      const call = () => driver.executeQuery(text, params, { routing: neo4j.routing.READ, database: process.env.NEO4J_DATABASE });
      const first = await warmUp(async () => {
        const t = performance.now();
        await call();
        return performance.now() - t;
      });
      results[name] = first > (seconds * 1000) / 2 ? single(first) : await timeCalls(call, seconds);
      log(`cypher ${name}: ${describe(results[name])}`);
    },
    close: () => driver.close(),
  };
}

async function measureHelloWorld(): Promise<number> {
  const server = node('tests/bench/hello-server.ts', [], {});
  try {
    const base = await address(server);
    const result = await load(`${base}/hello`, 32, seconds, 10);
    log(`hello world c32: ${describe(result)}`);
    return result.rps;
  } finally {
    await stop(server);
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

async function main(): Promise<void> {
  await mkdir(benchDir, { recursive: true });
  log(`corpus of ${claims.toLocaleString('en')} claims under ${benchDir} (generated once, then reused)…`);
  const { dir: corpus, manifest } = await generateCorpus(benchDir, claims);
  log(`${manifest.documents} documents, ${manifest.actors} actors; hubs ${manifest.hubs.join(', ')}, median actor ${manifest.median}`);

  /** The Neo4j home the bulk import fills, kept for the reads until the end. */
  const bulkHome = join(benchDir, `neo4j-bulk-${claims}`);
  let running: RunningNeo4j | undefined;
  let neo4jUri = process.env.NEO4J_URI;
  if (!neo4jUri) {
    if (await javaAvailable()) {
      log('starting a throw-away Neo4j (the tests’ launcher)…');
      running = await startNeo4j({ log, memory: NEO4J_MEMORY });
      neo4jUri = running.uri;
    } else {
      log('no Java and no NEO4J_URI: the Neo4j figures are skipped');
    }
  }
  try {
    const dataDir = join(benchDir, `data-${claims}`);
    const embeddedEnv = { DYAD_DATA_DIR: dataDir, NEO4J_URI: '' };
    const neo4jEnv = { NEO4J_URI: neo4jUri };
    const none = { rate: null, stored: 0 };
    let embeddedIngest: IngestRate = none;
    let neo4jIngest: IngestRate | null = null;
    let opened = { openSec: NaN, rssMiB: NaN };
    let bulk: Awaited<ReturnType<typeof measureBulkImport>> = null;
    let preparation: Awaited<ReturnType<typeof measurePreparation>> | null = null;
    if (readsOnly) {
      const stored = await neo4jClaims(neo4jUri!);
      if (stored !== claims) throw new Error(`--neo4j-reads: the Neo4j at ${neo4jUri} holds ${stored} claims, not ${claims}`);
      neo4jIngest = { rate: null, stored };
    } else {
      await rm(dataDir, { recursive: true, force: true });
      preparation = await measurePreparation(corpus);
      embeddedIngest = await measureIngest('embedded', corpus, manifest.documents, embeddedEnv, async () => (await measureOpen(dataDir)).claims);
      neo4jIngest = neo4jUri ? await measureIngest('neo4j', corpus, manifest.documents, neo4jEnv, () => neo4jClaims(neo4jUri)) : null;
      bulk = await measureBulkImport(bulkHome);
      opened = await measureOpen(dataDir);
      log(`embedded open: ${opened.openSec.toFixed(2)} s, ${opened.rssMiB.toFixed(0)} MiB resident`);
    }
    const ingestRate = { embedded: embeddedIngest.rate, neo4j: neo4jIngest?.rate ?? null, neo4jBulk: bulk?.claimsPerSec ?? null };

    // The Neo4j reads run over every claim: over what `dyad ingest` stored when it stored them all,
    // else over the bulk-imported database (the same graph: tests/store/neo4j/bulk holds them equal).
    let readsUri = neo4jUri;
    let readsOver: 'dyad ingest' | 'dyad neo4j-import' = 'dyad ingest';
    if (bulk && neo4jIngest && neo4jIngest.stored < claims) {
      await running?.stop();
      log('neo4j: the ingest stopped short of the corpus, so the reads run over the bulk-imported database');
      running = await startNeo4j({ log, memory: NEO4J_MEMORY, dataDir: bulkHome, timeoutMs: 600_000 });
      readsUri = running.uri;
      readsOver = 'dyad neo4j-import';
    }
    const readClaims = readsUri ? await neo4jClaims(readsUri) : null;

    const baseline = readsUri ? cypherBaseline(readsUri) : undefined;
    const latency = {
      ...(readsOnly ? {} : await measureApi('embedded', { ...embeddedEnv, DYAD_SEEDS_DIR: corpus }, manifest)),
      ...(readsUri
        ? await measureApi('neo4j', { NEO4J_URI: readsUri, DYAD_SEEDS_DIR: corpus }, manifest, (request) => baseline!.measure(request)).finally(() => baseline!.close())
        : {}),
    };
    const cypher = baseline?.results ?? {};
    const helloWorldRps = readsOnly ? NaN : await measureHelloWorld();

    const measured = (key: string) => {
      const r = latency[key];
      return r && !('skipped' in r) ? r : undefined;
    };
    const cypherRatio: Record<string, number | null> = {};
    for (const { name } of chosenRequests(manifest)) {
      const api = measured(`neo4j ${name} c1`);
      cypherRatio[name] = api && cypher[name] ? Math.round((api.p50 / cypher[name].p50) * 100) / 100 : null;
    }

    // By store, request, then connections (they were measured one connection count at a time).
    const keys = ['embedded', 'neo4j'].flatMap((store) => chosenRequests(manifest).flatMap(({ name }) => CONNECTIONS.map((c) => `${store} ${name} c${c}`))).filter((key) => key in latency);
    const rows = [['request', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'cypher p50', 'API/Cypher']];
    for (const key of keys) {
      const r = measured(key);
      const [store, name, c] = key.split(' ');
      const baseline = store === 'neo4j' && c === 'c1' ? cypher[name!] : undefined;
      rows.push([
        key,
        fmt(r?.p50),
        fmt(r?.p95),
        fmt(r?.p99),
        fmt(r?.rps, 0),
        fmt(baseline?.p50),
        baseline ? fmt(cypherRatio[name!], 2) : '',
      ]);
    }
    process.stdout.write(
      `\ndyad bench: ${claims.toLocaleString('en')} claims, ${manifest.documents} documents, ${manifest.actors} actors\n` +
        `ingest (claims/s): embedded ${fmt(ingestRate.embedded, 0)}, neo4j ${fmt(ingestRate.neo4j, 0)}\n` +
        `ingest ceiling (preparation alone, nothing stored, claims/s): ${fmt(preparation?.claimsPerSec, 0)}\n` +
        `neo4j bulk import into an empty database (claims/s, over files + neo4j-admin + start + schema online): ${fmt(ingestRate.neo4jBulk, 0)}` +
        (bulk ? ` (${Object.entries(bulk.seconds).map(([phase, sec]) => `${phase} ${sec} s`).join(', ')})` : '') +
        '\n' +
        `stored after ingest (claims): embedded ${embeddedIngest.stored.toLocaleString('en')}, neo4j ${neo4jIngest?.stored.toLocaleString('en') ?? '–'}` +
        (!readsOnly && Math.min(embeddedIngest.stored, neo4jIngest?.stored ?? claims) < claims
          ? ` (fewer than ${claims.toLocaleString('en')}: the ${ingestSeconds} s ingest budget ran out)`
          : '') +
        '\n' +
        (readClaims === null ? '' : `neo4j reads over the database ${readsOver} built, holding ${readClaims.toLocaleString('en')} claims\n`) +
        `embedded store: open ${fmt(opened.openSec, 2)} s, ${fmt(opened.rssMiB, 0)} MiB resident\n` +
        `HTTP ceiling (Fastify hello world, 32 connections): ${fmt(helloWorldRps, 0)} req/s\n` +
        `answers held until the next write (DYAD_READ_CACHE): ${heldAnswers}` +
        (heldAnswers > 0 ? ' (a repeated request is served held; DYAD_READ_CACHE=0 computes every answer)\n\n' : ' (every answer computed)\n\n') +
        `${table(rows)}\n\n`,
    );
    const round = (n: number | null) => (n === null ? null : Math.round(n));
    const result = {
      claims,
      storedClaims: { neo4j: neo4jIngest?.stored ?? null, embedded: embeddedIngest.stored },
      neo4jReads: readClaims === null ? null : { over: readsOver, claims: readClaims },
      ingestClaimsPerSec: { neo4j: round(ingestRate.neo4j), embedded: round(ingestRate.embedded), neo4jBulk: ingestRate.neo4jBulk },
      preparationClaimsPerSec: round(preparation?.claimsPerSec ?? null),
      embeddedOpenSec: Math.round(opened.openSec * 100) / 100,
      embeddedMemoryMiB: Math.round(opened.rssMiB),
      heldAnswers,
      latencyMs: Object.fromEntries(
        keys.map((key) => {
          const r = measured(key);
          return [key, r ? { p50: r.p50, p95: r.p95, p99: r.p99, rps: r.rps } : null];
        }),
      ),
      cypherRatio,
      helloWorldRps: Math.round(helloWorldRps),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await running?.stop();
    await rm(bulkHome, { recursive: true, force: true });
  }
}

await main();

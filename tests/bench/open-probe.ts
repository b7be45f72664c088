/**
 * Opens the embedded store on DYAD_DATA_DIR in a fresh process and prints, as JSON, how long
 * open() took, the CPU time it used (all threads: on a shared machine the steadier figure),
 * and the process's resident memory once open (after a full collection when --expose-gc is
 * given): what a user waits for and pays at `dyad serve`.
 */
import { pino } from 'pino';
import { loadConfig } from '../../server/config.ts';
import { EmbeddedStore } from '../../server/store/embedded/index.ts';

const store = new EmbeddedStore({ dataDir: loadConfig().DYAD_DATA_DIR, logger: pino({ level: 'silent' }) });
const started = performance.now();
const cpu = process.cpuUsage();
await store.open();
const openSec = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
const cpuSec = (user + system) / 1e6;
(globalThis as { gc?: () => void }).gc?.();
const health = await store.health();
process.stdout.write(`${JSON.stringify({ openSec, cpuSec, rssMiB: process.memoryUsage().rss / 2 ** 20, counts: health.counts })}\n`);
await store.close();

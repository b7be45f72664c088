/**
 * The ceiling of `dyad ingest` on this machine: the documents under the given folder prepared
 * exactly as ingest prepares them (gazetteer and aliases loaded, every document read, parsed,
 * checked and its quotes located by preparedBatches, worker threads as ingest uses them) and
 * nothing stored. Prints, as JSON, the claims prepared, the seconds, the claims/s and the CPU
 * seconds of every thread: no store can ingest faster than this rate on the same cores.
 */
import { discoverDocuments } from '../../server/ingest/corpus.ts';
import { loadIndex, preparedBatches } from '../../server/ingest/ingest.ts';

const corpus = process.argv[2];
if (!corpus) throw new Error('usage: prepare-probe.ts <corpus folder>');
const started = performance.now();
const cpu = process.cpuUsage();
const index = await loadIndex(corpus, [corpus]);
const sources = await discoverDocuments([corpus]);
let claims = 0;
for await (const batch of preparedBatches(sources, index)) for (const p of batch) claims += p.upsert?.claims.length ?? 0;
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ claims, seconds, claimsPerSec: claims / seconds, cpuSec: (user + system) / 1e6 })}\n`);

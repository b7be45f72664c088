/**
 * `npm run bench:bulk -- --claims N`: the bulk import of the bench corpus (corpus.ts, generated
 * if needed) into a fresh throw-away Neo4j, timed end to end: the CSV files written (documents
 * prepared as ingest prepares them), neo4j-admin's import, Neo4j started on the database, the
 * schema applied with every index online. Claims/s are over all four. The last stdout line is
 * one JSON object: {claims, claimsPerSec, seconds: {files, import, start, schema, total},
 * writerPeakMiB}. The bench (run.ts) runs this as its `neo4j bulk` line, with `--keep DIR` (the
 * Neo4j home imported into is kept at DIR, replacing what was there, instead of removed) when
 * its reads are to run over the whole corpus bulk-imported.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { finishImport } from '../../server/store/neo4j/bulk/finish.ts';
import { writeImportFiles } from '../../server/store/neo4j/bulk/write-files.ts';
import { adminImport } from '../../server/store/neo4j/launcher/admin-import.ts';
import { startNeo4j } from '../../server/store/neo4j/launcher/run.ts';
import { generateCorpus } from './corpus.ts';

const benchDir = fileURLToPath(new URL('../../.bench', import.meta.url));
/** As run.ts gives its throw-away Neo4j. */
const NEO4J_MEMORY = { heapMiB: 2048, pageCacheMiB: 2048 };

const log = (line: string) => process.stderr.write(`[bench bulk] ${line}\n`);

const { values } = parseArgs({ options: { claims: { type: 'string', default: '1000000' }, keep: { type: 'string' } } });
const claims = Number(values.claims);
if (!Number.isInteger(claims) || claims < 20) throw new Error(`--claims: a whole number of at least 20, not '${values.claims}'`);

async function main(): Promise<void> {
  await mkdir(benchDir, { recursive: true });
  const { dir: corpus } = await generateCorpus(benchDir, claims);
  const scratch = await mkdtemp(join(benchDir, 'bulk-'));
  const files = join(scratch, 'files');
  const home = values.keep ?? join(scratch, 'home');
  if (values.keep) await rm(values.keep, { recursive: true, force: true });
  const seconds: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = Math.round((now - mark) / 10) / 100;
    mark = now;
    log(`${name}: ${seconds[name]} s`);
  };
  const started = mark;
  try {
    const { summary, manifest } = await writeImportFiles({ paths: [corpus], seedsDir: corpus, out: files });
    if (summary.rejected.length > 0 || summary.claims !== claims) throw new Error(`the files hold ${summary.claims} claims, ${summary.rejected.length} documents rejected`);
    lap('files');
    await adminImport({ home, dir: files, args: manifest.args });
    lap('import');
    const running = await startNeo4j({ dataDir: home, memory: NEO4J_MEMORY, timeoutMs: 600_000 });
    try {
      lap('start');
      await finishImport({ uri: running.uri }, manifest);
      lap('schema');
    } finally {
      await running.stop();
    }
    seconds.total = Math.round((seconds.files! + seconds.import! + seconds.start! + seconds.schema!) * 100) / 100;
    const result = {
      claims,
      claimsPerSec: Math.round(claims / seconds.total),
      seconds,
      writerPeakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      wallSec: Math.round((performance.now() - started) / 10) / 100,
    };
    log(`${claims.toLocaleString('en')} claims in ${seconds.total} s: ${result.claimsPerSec.toLocaleString('en')} claims/s`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();

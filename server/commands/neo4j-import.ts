/**
 * `dyad neo4j-import [paths…] --out DIR`: documents prepared as `dyad ingest` prepares them,
 * written as neo4j-admin CSV files for an empty Neo4j (server/store/neo4j/bulk), then
 *
 * - without NEO4J_URI (the Neo4j dyad runs itself, `npm run neo4j:start`): imported into its
 *   data folder, which must hold no database yet; that Neo4j started on it, the schema applied,
 *   every index online and the empty lists set; its NEO4J_URI printed;
 * - with --files-only: nothing more; the neo4j-admin command to run in DIR is printed (for a
 *   Neo4j dyad does not run, such as docker-compose's: README, Running on Neo4j);
 * - with --finish (and NEO4J_URI): no documents are read; the files in DIR were imported into
 *   NEO4J_URI's database by neo4j-admin, and the schema, indexes and empty lists follow.
 *
 * Rejected documents are listed (each problem names its file) and make the exit code 1; the
 * others are imported.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { InvalidInput } from '../errors.ts';
import { ARGS_FILE, type ImportManifest, MANIFEST_FILE } from '../store/neo4j/bulk/bulk-graph.ts';
import { finishImport } from '../store/neo4j/bulk/finish.ts';
import { writeImportFiles } from '../store/neo4j/bulk/write-files.ts';
import { adminImport, freshHome } from '../store/neo4j/launcher/admin-import.ts';
import { localDataDir, localUri, startLocal } from '../store/neo4j/launcher/run.ts';

export interface Neo4jImportOptions {
  paths: string[];
  out: string;
  filesOnly?: boolean | undefined;
  finish?: boolean | undefined;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export async function run({ paths, out, filesOnly, finish }: Neo4jImportOptions): Promise<number> {
  const config = loadConfig();
  const store = { uri: config.NEO4J_URI ?? '', user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE };
  if (finish) {
    if (!config.NEO4J_URI) throw new InvalidInput('neo4j-import --finish: set NEO4J_URI to the Neo4j that serves the imported database');
    if (paths.length > 0) throw new InvalidInput('neo4j-import --finish reads no documents: give only --out DIR');
    const manifestPath = join(out, MANIFEST_FILE);
    const text = await readFile(manifestPath, 'utf8').catch(() => {
      throw new InvalidInput(`${manifestPath}: no import manifest (write the files first: dyad neo4j-import [paths…] --out ${out} --files-only)`, { file: manifestPath });
    });
    // Written by --files-only beside the files it describes.
    const manifest = JSON.parse(text) as ImportManifest;
    await finishImport(store, manifest);
    process.stdout.write(`neo4j-import: ${config.NEO4J_URI}: schema applied, indexes online\n`);
    return 0;
  }
  const local = !filesOnly;
  if (local) {
    if (config.NEO4J_URI)
      throw new InvalidInput(
        'neo4j-import: NEO4J_URI names a Neo4j dyad does not run: write the files with --files-only, import them with its neo4j-admin, then run --finish (README, Running on Neo4j)',
      );
    if (await localUri()) throw new InvalidInput('neo4j-import: the local Neo4j is running; a bulk import needs it stopped (npm run neo4j:stop)');
    if (!freshHome(localDataDir)) throw new InvalidInput(`neo4j-import: ${localDataDir} holds a database; a bulk import needs an empty one (move that folder away first)`);
  }
  const started = performance.now();
  const { summary, manifest } = await writeImportFiles({
    paths: paths.length > 0 ? paths : [config.DYAD_SEEDS_DIR],
    seedsDir: config.DYAD_SEEDS_DIR,
    out,
    onProgress: (done, total) => log(`neo4j-import: ${done}/${total} documents`),
  });
  for (const r of summary.rejected) process.stderr.write(`rejected ${r.document}:\n${r.problems.map((p) => `  ${p}`).join('\n')}\n`);
  const { documents, claims, actors, relations } = manifest.counts;
  process.stdout.write(
    `neo4j-import: ${summary.documents} documents: ${documents} written, ${summary.rejected.length} rejected; ${claims} claims, ${actors} actors, ${relations} relations in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (local) {
    await adminImport({ home: localDataDir, dir: out, args: manifest.args, log });
    const uri = await startLocal(log);
    await finishImport({ ...store, uri }, manifest);
    process.stdout.write(`neo4j-import: imported, schema applied, indexes online (${((performance.now() - started) / 1000).toFixed(1)} s in all); use NEO4J_URI=${uri}\n`);
  } else {
    process.stdout.write(`neo4j-import: in ${out}, run: neo4j-admin database import full $(cat ${ARGS_FILE}) neo4j; then, with Neo4j serving it, dyad neo4j-import --out ${out} --finish\n`);
  }
  return summary.rejected.length > 0 ? 1 : 0;
}

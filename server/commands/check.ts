/** `dyad check [dir]`: every problem in a seeds directory, by file and line; exit 1 if any. */
import { loadConfig } from '../config.ts';
import { checkSeeds } from '../ingest/seed-dir.ts';

export async function run(options: { dir?: string | undefined }): Promise<number> {
  const config = loadConfig();
  const dir = options.dir ?? config.DYAD_SEEDS_DIR;
  const { index, documents, problems } = await checkSeeds(dir, [dir], undefined, config.DYAD_SEEDS_DIR);
  const all = [...problems, ...documents.flatMap((d) => d.prepared.problems)];
  for (const p of all) process.stderr.write(`${p.message}\n`);
  const claims = documents.reduce((n, d) => n + (d.prepared.upsert?.claims.length ?? 0), 0);
  const summary = `${documents.length} documents, ${claims} claims, ${index.actors.length} actors`;
  if (all.length > 0) {
    process.stderr.write(`dyad check: ${all.length} problem(s) in ${dir} (${summary})\n`);
    return 1;
  }
  process.stdout.write(`dyad check: ${dir} is valid: ${summary}\n`);
  return 0;
}

/** `dyad doctor`: checks the embedded store's journal line by line and reports damage; exit 1 when there is some. */
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { JOURNAL_FILE } from '../store/embedded/index.ts';
import { describeDiagnosis, diagnoseJournal } from '../store/embedded/journal-repair.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    process.stdout.write('dyad doctor: NEO4J_URI is set; Neo4j checks its own store (neo4j-admin database check)\n');
    return 0;
  }
  const diagnosis = await diagnoseJournal(join(config.DYAD_DATA_DIR, JOURNAL_FILE));
  for (const line of describeDiagnosis(diagnosis)) process.stdout.write(`${line}\n`);
  if (diagnosis.damaged.length > 0) process.stdout.write('dyad repair moves the damaged entries to a side file and keeps the good ones\n');
  return diagnosis.damaged.length > 0 ? 1 : 0;
}

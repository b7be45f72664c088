/** `dyad doctor`: checks the embedded store's journal line by line and reports damage (exit 1 when there is some), and says whether open() will use the snapshot. */
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { JOURNAL_FILE, SNAPSHOT_FILE } from '../store/embedded/index.ts';
import { describeSnapshot } from '../store/embedded/snapshot.ts';
import { describeDiagnosis, diagnoseJournal } from '../store/embedded/journal-repair.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    process.stdout.write('dyad doctor: NEO4J_URI is set; Neo4j checks its own store (neo4j-admin database check)\n');
    return 0;
  }
  const journal = join(config.DYAD_DATA_DIR, JOURNAL_FILE);
  const diagnosis = await diagnoseJournal(journal);
  for (const line of describeDiagnosis(diagnosis)) process.stdout.write(`${line}\n`);
  process.stdout.write(`${await describeSnapshot(join(config.DYAD_DATA_DIR, SNAPSHOT_FILE), journal)}\n`);
  if (diagnosis.damaged.length > 0) process.stdout.write('dyad repair moves the damaged entries to a side file and keeps the good ones\n');
  return diagnosis.damaged.length > 0 ? 1 : 0;
}

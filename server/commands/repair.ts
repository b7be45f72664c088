/** `dyad repair`: moves the embedded journal's damaged entries to a side file beside it, keeping the good ones. */
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { InvalidInput } from '../errors.ts';
import { JOURNAL_FILE } from '../store/embedded/index.ts';
import { describeDiagnosis, repairJournal } from '../store/embedded/journal-repair.ts';

export async function run(): Promise<number> {
  const config = loadConfig();
  if (config.NEO4J_URI) throw new InvalidInput('dyad repair works on the embedded journal; NEO4J_URI is set', { parameter: 'NEO4J_URI' });
  const repair = await repairJournal(join(config.DYAD_DATA_DIR, JOURNAL_FILE));
  for (const line of describeDiagnosis(repair)) process.stdout.write(`${line}\n`);
  process.stdout.write(repair.movedTo ? `moved the damaged entries to ${repair.movedTo}\n` : 'nothing to repair\n');
  return 0;
}

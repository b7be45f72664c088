/**
 * Child process of the SIGKILL test: writes large documents into the embedded store at
 * argv[2] as `kill-<round>-<i>` until killed, printing `committed <id>` after each
 * putDocument resolves. Each line is megabytes, so Node writes it in several chunks and a
 * kill can land mid-line.
 */
import { pino } from 'pino';
import { EmbeddedStore } from '../../../server/store/embedded/index.ts';
import { bigDocument, renamed, seedActors } from './fixtures.ts';

const [dataDir, round] = process.argv.slice(2) as [string, string];
const store = new EmbeddedStore({ dataDir, logger: pino({ level: 'silent' }) });
await store.open();
await store.putActors(await seedActors());
const base = await bigDocument();
for (let i = 0; ; i++) {
  const upsert = renamed(base, `kill-${round}-${i}`);
  await store.putDocument(upsert);
  process.stdout.write(`committed ${upsert.document.id}\n`);
}

/** `dyad claims [--document ID]`: the store's claims as JSON Lines (architecture.md's shape). */
import { parseArgs } from 'node:util';
import { ClaimLine } from '../domain/index.ts';
import { loadConfig } from '../config.ts';
import { InvalidInput } from '../errors.ts';
import { createStore } from '../store/open-store.ts';

export async function run(args: string[]): Promise<number> {
  let values: { document?: string };
  try {
    ({ values } = parseArgs({ args, options: { document: { type: 'string', short: 'd' } }, strict: true }));
  } catch (e) {
    throw new InvalidInput(`dyad claims: ${(e as Error).message}`, { parameter: 'args' });
  }
  const store = await createStore(loadConfig());
  try {
    await store.open();
    if (values.document) await store.getDocument(values.document);
    const claims = await store.allClaims(values.document ? { documents: [values.document] } : {});
    for (const claim of claims) process.stdout.write(`${JSON.stringify(ClaimLine.parse(claim))}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

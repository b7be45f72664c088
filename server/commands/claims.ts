/** `dyad claims [--document ID]`: the store's claims as JSON Lines (architecture.md's shape). */
import { ClaimLine } from '../domain/index.ts';
import { loadConfig } from '../config.ts';
import { createStore } from '../store/open-store.ts';

export async function run(options: { document?: string | undefined }): Promise<number> {
  const store = await createStore(loadConfig());
  try {
    await store.open();
    if (options.document) await store.getDocument(options.document);
    const claims = await store.allClaims(options.document ? { documents: [options.document] } : {});
    for (const claim of claims) process.stdout.write(`${JSON.stringify(ClaimLine.parse(claim))}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The embedded store of tests/helpers/stores.ts, holding the seed corpus: the store the graph tests read. */
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seedStore } from '../helpers/seed.ts';
import { storeCases } from '../helpers/stores.ts';

export async function seededEmbeddedStore(): Promise<{ store: GraphStore; dispose: () => Promise<void> }> {
  const store = await storeCases.find((c) => c.name === 'embedded')!.open();
  await seedStore(store);
  return { store, dispose: () => store.close() };
}

/**
 * A filter naming a document the store does not have is a mistake, not an empty answer:
 * `documents=nope` (or `document=nope`) answers 400 naming the id and the parameter.
 */
import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../errors.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** Throws InvalidInput for the first id in `ids` that names no stored document. */
export async function assertKnownDocuments(store: GraphStore, ids: readonly string[], parameter: string): Promise<void> {
  if (ids.length === 0) return;
  const [missing] = await store.missingDocuments([...ids]);
  if (missing !== undefined) throw new InvalidInput(`${parameter}: no document '${missing}'`, { parameter });
}

/** After validation, on every route: the query's `documents` and `document` must name stored documents. */
export function rejectUnknownDocuments(app: FastifyInstance, store: GraphStore): void {
  app.addHook('preHandler', async (request) => {
    // The explorer's own page carries its view in the same words (`/?documents=` is an empty selection).
    if (!request.url.startsWith('/api/')) return;
    const query = (request.query ?? {}) as { documents?: unknown; document?: unknown };
    for (const parameter of ['documents', 'document'] as const) {
      const value = query[parameter];
      const ids = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      await assertKnownDocuments(store, (ids as unknown[]).filter((id): id is string => typeof id === 'string' && id !== ''), parameter);
    }
  });
}

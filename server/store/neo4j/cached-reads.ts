/**
 * Named queries whose rows are held until the database's next commit (../read-cache.ts): the
 * revision is Neo4j's last committed transaction, asked in one round trip that reads nothing, so
 * a write by this process, by a `dyad ingest` in another, or by anything else makes every held
 * answer stale at once.
 */
import type { z } from 'zod';
import { ReadCache } from '../read-cache.ts';
import type { CypherSession, Params } from './session.ts';

export class CachedReads {
  private readonly held: ReadCache;

  constructor(private readonly cypher: CypherSession) {
    this.held = new ReadCache(() => cypher.latestCommit());
  }

  /** The rows of a named query, as CypherSession.read gives them; callers must not change them. */
  read<S extends z.ZodType>(name: string, params: Params, row: S): Promise<z.infer<S>[]> {
    return this.held.read(`${name}\n${JSON.stringify(params)}`, async () => {
      const { rows, commit } = await this.cypher.readAt(name, params, row);
      return { answer: rows, revision: commit };
    });
  }
}

/**
 * Answers of costly reads (neighbourhoods, overviews, paths, claim pages), held while the
 * database has not changed. Every use first asks Neo4j for its last committed transaction (one
 * round trip that reads nothing, CypherSession.latestCommit); an answer is served only if it was
 * read at that same commit, so any write — by this process, by a `dyad ingest` in another, by
 * anything else writing to the database — makes every held answer stale at once, and the next
 * request reads again. An answer is held under the commit seen before its read began, and kept
 * only if its read ended at that commit too: a write landing during the read is never hidden.
 * Concurrent requests for the same answer at the same commit share one read. At most `capacity`
 * answers are held, the least recently used dropped first.
 */
import type { z } from 'zod';
import type { CypherSession, Params } from './session.ts';

/** Answers held: each a bounded graph or page (a hub's depth-2 neighbourhood is the largest, under a megabyte). */
const CAPACITY = 32;

interface Held {
  commit: string;
  rows: Promise<unknown[]>;
}

export class ReadCache {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly cypher: CypherSession,
    private readonly capacity = CAPACITY,
  ) {}

  /** The rows of a named query, as CypherSession.read gives them; callers must not change them. */
  async read<S extends z.ZodType>(name: string, params: Params, row: S): Promise<z.infer<S>[]> {
    const key = `${name}\n${JSON.stringify(params)}`;
    const commit = await this.cypher.latestCommit();
    const found = this.held.get(key);
    if (found && found.commit === commit) {
      // Most recently used last: the first key is the one to drop.
      this.held.delete(key);
      this.held.set(key, found);
      return found.rows as Promise<z.infer<S>[]>;
    }
    const entry: Held = { commit, rows: Promise.resolve([]) };
    const forget = () => {
      if (this.held.get(key) === entry) this.held.delete(key);
    };
    entry.rows = this.cypher.readAt(name, params, row).then(
      (answer) => {
        if (answer.commit !== commit) forget();
        return answer.rows;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    this.held.delete(key);
    this.held.set(key, entry);
    while (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value!);
    return entry.rows as Promise<z.infer<S>[]>;
  }
}

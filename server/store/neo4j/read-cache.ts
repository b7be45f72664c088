/**
 * Answers of costly reads (neighbourhoods, bounded graphs, paths, claim pages), held while the
 * database has not changed. Every use first asks Neo4j for its last committed transaction (one
 * round trip that reads nothing, CypherSession.latestCommit); a held answer is served only if it
 * was computed after that same commit. Commits only move forward, so once anything is written —
 * by this process, by a `dyad ingest` in another, by anything else writing to the database — no
 * held answer matches again, and the next request computes afresh. An answer whose computation
 * overlapped a write is held under the commit seen before it began, which the write has already
 * replaced: it is never served again. Concurrent requests for the same answer at the same commit
 * share one computation. At most `capacity` answers are held, the least recently used dropped
 * first; an answer `keep` refuses (a large one) is served and not held.
 */
import type { CypherSession } from './session.ts';

/** Answers held: each a bounded graph or page. */
const CAPACITY = 32;

interface Held {
  commit: string;
  value: Promise<unknown>;
}

export class ReadCache {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly cypher: CypherSession,
    private readonly capacity = CAPACITY,
  ) {}

  /** The answer `compute` gives, or the one it gave at the current commit; callers must not change it. */
  async hold<T>(key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const commit = await this.cypher.latestCommit();
    const found = this.held.get(key);
    if (found && found.commit === commit) {
      // Most recently used last: the first key is the one to drop.
      this.held.delete(key);
      this.held.set(key, found);
      return found.value as Promise<T>;
    }
    const entry: Held = { commit, value: Promise.resolve() };
    const forget = () => {
      if (this.held.get(key) === entry) this.held.delete(key);
    };
    const value = compute().then(
      (answer) => {
        if (!keep(answer)) forget();
        return answer;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    entry.value = value;
    this.held.delete(key);
    this.held.set(key, entry);
    while (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value!);
    return value;
  }
}

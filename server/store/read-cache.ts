/**
 * Answers of costly reads (neighbourhoods, overviews, paths, claim pages), held while the store
 * has not changed. Each store names its revision: Neo4j its last committed transaction (so a
 * write by any process makes every held answer stale), the embedded store a counter every write
 * bumps (it is the only writer of its data dir). Every use first asks the revision; an answer is
 * served only if it was read at that same revision. An answer is held under the revision seen
 * before its read began, and kept only if its read ended at that revision too: a write landing
 * during the read is never hidden. Concurrent requests for the same answer at the same revision
 * share one read. At most `capacity` answers are held, the least recently used dropped first.
 */

/** Answers held: each a bounded graph or page (a hub's depth-2 neighbourhood is the largest, under a megabyte). */
const CAPACITY = 32;

/** A read's answer and the store's revision when the read ended. */
export interface Revised<T> {
  answer: T;
  revision: string;
}

/** Every answer ever held: the serializer writes each one once (server/api/serializer.ts). */
const heldAnswers = new WeakSet<object>();

/** Whether `value` is a held answer: an object never changed, given to every request asking its question until the next write. */
export function isHeld(value: unknown): value is object {
  return typeof value === 'object' && value !== null && heldAnswers.has(value);
}

interface Held {
  revision: string;
  answer: Promise<unknown>;
}

export class ReadCache {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly revision: () => string | Promise<string>,
    private readonly capacity = CAPACITY,
  ) {}

  /** The answer of `read` for `key` (which must name everything the answer depends on); callers must not change it. */
  async read<T>(key: string, read: () => Promise<Revised<T>>): Promise<T> {
    const revision = await this.revision();
    const found = this.held.get(key);
    if (found && found.revision === revision) {
      // Most recently used last: the first key is the one to drop.
      this.held.delete(key);
      this.held.set(key, found);
      return found.answer as Promise<T>;
    }
    const entry: Held = { revision, answer: Promise.resolve() };
    const forget = () => {
      if (this.held.get(key) === entry) this.held.delete(key);
    };
    const answer = read().then(
      (done) => {
        if (done.revision !== revision) forget();
        else if (typeof done.answer === 'object' && done.answer !== null) heldAnswers.add(done.answer);
        return done.answer;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    entry.answer = answer;
    this.held.delete(key);
    this.held.set(key, entry);
    while (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value!);
    return answer;
  }
}

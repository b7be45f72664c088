/**
 * Answers of costly reads (neighbourhoods, bounded graphs, paths, claim pages, searches), held
 * while the store has not changed. Each store names its revision: Neo4j its last committed
 * transaction (one round trip that reads nothing, so a write by this process, by a `dyad ingest`
 * in another, or by anything else makes every held answer stale), the embedded store a counter
 * bumped when a write begins and when it ends (it is the only writer of its data dir). A held
 * answer is served only if it was computed at the revision a check begun after the request
 * arrived returns. An answer whose computation overlapped a write is held under the revision seen before it began,
 * which the write has already replaced: it is never served again. Concurrent requests for the same
 * answer at the same revision share one computation. At most `capacity` answers are held, the
 * least recently used dropped first; a large answer (more than HELD_ROWS relations or claims) is
 * served and not held.
 *
 * Asking Neo4j for its last commit is a round trip: under load, requests share it (sharedCheck),
 * and a question nothing is held for is read at once, held under the last commit a check saw.
 */

/** Answers held by default (DYAD_READ_CACHE): each a bounded graph or page. */
export const CAPACITY = 32;

/** The largest answer held: relations of a graph, claims of a page. The API's default bounds are within it. */
export const HELD_ROWS = 2_000;

/** Whether an answer is small enough to hold: a graph by its relations, a page by its claims. */
function small(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return true;
  const rows = 'edges' in answer ? answer.edges : 'items' in answer ? answer.items : undefined;
  return !Array.isArray(rows) || rows.length <= HELD_ROWS;
}

/** Every answer ever held: the serializer writes each one once (server/api/serializer.ts). */
const heldAnswers = new WeakSet<object>();

/** Whether `value` is a held answer: an object never changed, given to every request asking its question until the next write. */
export function isHeld(value: unknown): value is object {
  return typeof value === 'object' && value !== null && heldAnswers.has(value);
}

/**
 * A revision check shared by concurrent requests: a check already in flight may have read the
 * revision before a caller arrived (before a write it must see), so a caller arriving then waits
 * for the next check, which begins once that one has ended and is shared by every caller that
 * arrived meanwhile. A caller is never answered by a check begun before it asked, and under load a
 * round of requests costs one check, not one each. A failed check fails the callers sharing it.
 */
export function sharedCheck<T>(check: () => Promise<T>): (() => Promise<T>) & { lastSeen: () => T | undefined } {
  let inFlight = false;
  let queued: { promise: Promise<T>; begin: () => void } | undefined;
  let seen: T | undefined;
  const begin = (): Promise<T> => {
    inFlight = true;
    // A check that throws rather than rejects still ends its round.
    const result = (async () => check())();
    const settled = () => {
      inFlight = false;
      const waiting = queued;
      queued = undefined;
      waiting?.begin();
    };
    result.then((value) => {
      seen = value;
      settled();
    }, settled);
    return result;
  };
  const shared = () => {
    if (!inFlight) return begin();
    if (!queued) {
      let start!: () => void;
      const promise = new Promise<T>((resolve, reject) => (start = () => void begin().then(resolve, reject)));
      queued = { promise, begin: start };
    }
    return queued.promise;
  };
  /** What the last check that ended returned: no later than what any read begun from now on sees. */
  return Object.assign(shared, { lastSeen: () => seen });
}

interface Held {
  revision: string;
  value: Promise<unknown>;
}

export class ReadCache {
  private readonly held = new Map<string, Held>();

  /**
   * @param lastSeen a revision the store had at or before now, known without asking (sharedCheck's):
   *   a question nothing is held for is then computed at once and its answer held under it. If
   *   nothing was written since, that is the answer's revision; if something was, no check returns
   *   that revision again and the answer is never served held. Without it, every use asks first.
   */
  constructor(
    private readonly revision: () => string | Promise<string>,
    private readonly capacity = CAPACITY,
    private readonly lastSeen?: () => string | undefined,
  ) {}

  /** The answer `compute` gives for `key` (which must name everything it depends on), or the one it gave at the current revision; callers must not change it. */
  async hold<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // Holding nothing: no revision to ask either.
    if (this.capacity === 0) return compute();
    // Nothing held to check: no round trip before the read (a search typed letter by letter asks new questions).
    const seen = this.held.has(key) ? undefined : this.lastSeen?.();
    if (seen !== undefined) return this.computeHeld(key, seen, compute);
    const revision = await this.revision();
    const found = this.held.get(key);
    if (found && found.revision === revision) {
      // Most recently used last: the first key is the one to drop.
      this.held.delete(key);
      this.held.set(key, found);
      return found.value as Promise<T>;
    }
    return this.computeHeld(key, revision, compute);
  }

  /** `compute`'s answer, held for `key` under `revision` (one read before it began) unless large or failed. */
  private computeHeld<T>(key: string, revision: string, compute: () => Promise<T>): Promise<T> {
    const entry: Held = { revision, value: Promise.resolve() };
    const forget = () => {
      if (this.held.get(key) === entry) this.held.delete(key);
    };
    const value = compute().then(
      (answer) => {
        if (!small(answer)) forget();
        else if (typeof answer === 'object' && answer !== null) heldAnswers.add(answer);
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
    return value as Promise<T>;
  }
}

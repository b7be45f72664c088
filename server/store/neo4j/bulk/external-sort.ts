/**
 * Keyed lines sorted on disk: entries (a key and a value, both text) are held until they reach
 * a bounded size, then sorted by key and written to a run file in the folder given; reading
 * merges the runs (and what is still held) k ways. Entries come back in key order (compareKeys)
 * and, among equal keys, in the order they were added: a run holds entries added after those of
 * every earlier run, and the sort within a run is stable. Memory stays near the run size, however
 * many entries there are. The caller owns the folder (and removes it).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compareKeys } from '../../../graph/aggregate.ts';

/** Characters held before a run is written (keys and values). */
export const RUN_CHARS = 16 * 2 ** 20;

/** Lines handed to a run file's stream at a time. */
const LINES_A_WRITE = 4096;

type Entry = [key: string, value: string];

/** One sorted source of entries during the merge: a run file or the entries still held. */
interface Source {
  head: Entry;
  rest: AsyncIterator<Entry> | Iterator<Entry>;
  /** The sources' order: the run's number, the entries still held last. */
  order: number;
}

export class ExternalSort {
  private held: Entry[] = [];
  private heldChars = 0;
  private readonly runs: string[] = [];

  constructor(
    private readonly dir: string,
    private readonly runChars = RUN_CHARS,
  ) {}

  /** Adds one entry; a key holds no tab or line break, a value no line break. */
  async add(key: string, value: string): Promise<void> {
    if (/[\t\n\r]/.test(key) || /[\n\r]/.test(value)) throw new Error(`an external sort's key holds a tab or line break, or its value a line break: ${key}`);
    this.held.push([key, value]);
    this.heldChars += key.length + value.length + 2;
    if (this.heldChars >= this.runChars) await this.writeRun();
  }

  /** Every entry, by key, equal keys in the order added. Read once, after the last add. */
  async *entries(): AsyncGenerator<Entry> {
    const sources: Source[] = [];
    const open = async (rest: AsyncIterator<Entry> | Iterator<Entry>, order: number) => {
      const first = await rest.next();
      if (!first.done) sources.push({ head: first.value, rest, order });
    };
    for (const [order, path] of this.runs.entries()) await open(readRun(path), order);
    await open(sortedEntries(this.held).values(), this.runs.length);
    this.held = [];
    const heap = new SourceHeap(sources);
    while (heap.size > 0) {
      const source = heap.top;
      yield source.head;
      const next = await source.rest.next();
      if (next.done) heap.pop();
      else {
        source.head = next.value;
        heap.sift();
      }
    }
  }

  private async writeRun(): Promise<void> {
    const path = join(this.dir, `run-${this.runs.length + 1}`);
    const stream = createWriteStream(path);
    const lines = sortedEntries(this.held).map(([key, value]) => `${key}\t${value}\n`);
    this.held = [];
    this.heldChars = 0;
    for (let i = 0; i < lines.length; i += LINES_A_WRITE)
      if (!stream.write(lines.slice(i, i + LINES_A_WRITE).join(''))) await new Promise<void>((resolve) => stream.once('drain', resolve));
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    this.runs.push(path);
  }
}

/** A stable sort by key. */
const sortedEntries = (entries: Entry[]): Entry[] => entries.sort((a, b) => compareKeys(a[0], b[0]));

async function* readRun(path: string): AsyncGenerator<Entry> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    const tab = line.indexOf('\t');
    yield [line.slice(0, tab), line.slice(tab + 1)];
  }
}

/** A binary min-heap of sources by their head's key, then by their order. */
class SourceHeap {
  constructor(private readonly items: Source[]) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  get top(): Source {
    return this.items[0]!;
  }

  /** Restores the order after the top's head changed. */
  sift(): void {
    this.down(0);
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
  }

  private before(a: Source, b: Source): boolean {
    return (compareKeys(a.head[0], b.head[0]) || a.order - b.order) < 0;
  }

  private down(i: number): void {
    const { items } = this;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) return;
      const child = left + 1 < items.length && this.before(items[left + 1]!, items[left]!) ? left + 1 : left;
      if (!this.before(items[child]!, items[i]!)) return;
      [items[i], items[child]] = [items[child]!, items[i]!];
      i = child;
    }
  }
}

/**
 * The growable typed columns and string tables the embedded store keeps its claims and
 * relations in (claim-table.ts, relation-table.ts): a million rows cost a few bytes a field
 * instead of a JavaScript object each, and a snapshot writes and reads a column as one buffer.
 */
import { isAscii } from 'node:buffer';

type TypedArray = Int32Array | Uint8Array;

/** A typed array that doubles when a row past its end is written. */
export class Column<T extends TypedArray> {
  constructor(
    private readonly make: (length: number) => T,
    public data: T = make(1024),
  ) {}

  get(row: number): number {
    return this.data[row]!;
  }

  set(row: number, value: number): void {
    if (row >= this.data.length) {
      const grown = this.make(Math.max(row + 1, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[row] = value;
  }
}

export const int32Column = (data?: Int32Array) => new Column<Int32Array>((n) => new Int32Array(n), data);
export const uint8Column = (data?: Uint8Array) => new Column<Uint8Array>((n) => new Uint8Array(n), data);

/** The values of `rows` in that order: the column itself (no copy) when the rows are its first ones in order. */
export function gather<T extends TypedArray>(data: T, rows: Int32Array): T {
  let identity = rows.length <= data.length;
  for (let i = 0; identity && i < rows.length; i++) identity = rows[i] === i;
  if (identity) return data.subarray(0, rows.length) as T;
  const values = new (data.constructor as new (length: number) => T)(rows.length);
  for (let i = 0; i < rows.length; i++) values[i] = data[rows[i]!]!;
  return values;
}

/** Strings numbered in the order first seen: a repeated string is held once, and a row holds its number. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(strings: readonly string[] = []) {
    for (const s of strings) this.intern(s);
  }

  intern(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.numbers.set(s, n);
    }
    return n;
  }

  find(s: string): number | undefined {
    return this.numbers.get(s);
  }

  at(n: number): string {
    return this.strings[n]!;
  }
}

/** Codes for the values of a closed enum (a zod enum's options), in their order. */
export class Codes<T extends string> {
  private readonly codes: Map<T, number>;

  constructor(readonly values: readonly T[]) {
    this.codes = new Map(values.map((v, i) => [v, i]));
  }

  code(value: T): number {
    return this.codes.get(value)!;
  }

  value(code: number): T {
    return this.values[code]!;
  }
}

const NO_ROWS: readonly number[] = [];

/**
 * Lists of row numbers by key: each actor's claims, each actor's relations. Restored from a
 * snapshot they stay packed in one Int32Array until a key's list changes, and only then does
 * that key get an array of its own: a million claims restore without a hundred thousand arrays.
 */
export class RowLists {
  private readonly lists: (number[] | undefined)[] = [];
  private packed = new Int32Array(0);
  /** Key k's packed rows are packed[starts[k]] up to packed[starts[k + 1]]. */
  private starts = new Int32Array(1);

  /** How many keys may have rows: every key with rows is below it. */
  get keys(): number {
    return Math.max(this.lists.length, this.starts.length - 1);
  }

  /** The rows of `key`, to read (a change goes through push() or remove()). */
  of(key: number): ArrayLike<number> & Iterable<number> {
    const list = this.lists[key];
    if (list) return list;
    return key + 1 < this.starts.length ? this.packed.subarray(this.starts[key]!, this.starts[key + 1]!) : NO_ROWS;
  }

  size(key: number): number {
    const list = this.lists[key];
    if (list) return list.length;
    return key + 1 < this.starts.length ? this.starts[key + 1]! - this.starts[key]! : 0;
  }

  push(key: number, row: number): void {
    this.own(key).push(row);
  }

  /** Removes `row` from the rows of `key` (their order is not kept). */
  remove(key: number, row: number): void {
    removeValue(this.own(key), row);
  }

  private own(key: number): number[] {
    let list = this.lists[key];
    if (!list) {
      list = Array.from(this.of(key));
      this.lists[key] = list;
    }
    return list;
  }

  /**
   * Fills empty lists with rows 0 to `rows.length - 1`, each under its key in `first` and its
   * key in `second` (once when they are the same key and `once` is set), in row order.
   */
  pack(keys: number, first: Int32Array, second: Int32Array, rows: number, once: boolean): void {
    const starts = new Int32Array(keys + 1);
    for (let row = 0; row < rows; row++) {
      starts[first[row]! + 1]!++;
      if (!once || second[row] !== first[row]) starts[second[row]! + 1]!++;
    }
    for (let key = 0; key < keys; key++) starts[key + 1]! += starts[key]!;
    const packed = new Int32Array(starts[keys]!);
    const filled = starts.slice(0, keys);
    for (let row = 0; row < rows; row++) {
      packed[filled[first[row]!]!++] = row;
      if (!once || second[row] !== first[row]) packed[filled[second[row]!]!++] = row;
    }
    this.packed = packed;
    this.starts = starts;
  }
}

/** Removes one `value` from `list` by moving the last element into its place (order is not kept). */
export function removeValue(list: number[], value: number): void {
  const at = list.lastIndexOf(value);
  if (at === -1) return;
  list[at] = list[list.length - 1]!;
  list.pop();
}

/** String.prototype.isWellFormed (ES2024, in every Node dyad runs on): no lone surrogate. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();

/** Strings as one UTF-8 buffer and each one's length in bytes: how a snapshot holds many strings (two columns, not a JSON array). */
export function joinStrings(strings: readonly string[]): { bytes: Uint8Array; lengths: Int32Array } {
  const lengths = new Int32Array(strings.length);
  let total = 0;
  for (let i = 0; i < strings.length; i++) {
    // UTF-8 has no lone surrogate: such a string would come back otherwise (the snapshot is then not written).
    if (!wellFormed(strings[i]!)) throw new Error(`string ${i} holds a lone surrogate, which UTF-8 cannot keep`);
    total += lengths[i] = Buffer.byteLength(strings[i]!);
  }
  // Written one by one: joining them first would copy them all into one more string.
  const bytes = Buffer.allocUnsafeSlow(total);
  for (let i = 0, at = 0; i < strings.length; at += lengths[i++]!) bytes.write(strings[i]!, at);
  return { bytes, lengths };
}

const bufferOf = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where each string of joinStrings() starts in its buffer, and (at the end) where the last ends. */
function startsOf(lengths: Int32Array): Float64Array {
  const starts = new Float64Array(lengths.length + 1);
  for (let i = 0; i < lengths.length; i++) starts[i + 1] = starts[i]! + lengths[i]!;
  return starts;
}

function checkLengths(starts: Float64Array, buffer: Buffer): void {
  const total = starts[starts.length - 1]!;
  if (total !== buffer.length) throw new Error(`the strings' lengths add up to ${total} bytes, not ${buffer.length}`);
}

/** The most bytes of text decoded into one string (V8's longest string is 2**29 - 24 characters). */
const TEXT_RUN = 2 ** 28;

/**
 * The strings joinStrings() gave, all at once. A run of ASCII strings is decoded as one Latin-1
 * string (held outside the JavaScript heap when long) and each string is a slice of it, so long
 * texts cost no copy each and nothing for the garbage collector to move; other strings are
 * decoded one by one.
 */
export function splitStrings(bytes: Uint8Array, lengths: Int32Array): string[] {
  const buffer = bufferOf(bytes);
  const starts = startsOf(lengths);
  checkLengths(starts, buffer);
  const strings = new Array<string>(lengths.length);
  for (let first = 0; first < lengths.length; ) {
    let last = first + 1;
    while (last < lengths.length && starts[last + 1]! - starts[first]! <= TEXT_RUN) last++;
    const base = starts[first]!;
    const run = buffer.subarray(base, starts[last]);
    if (isAscii(run)) {
      const text = run.toString('latin1');
      for (let i = first; i < last; i++) strings[i] = text.slice(starts[i]! - base, starts[i + 1]! - base);
    } else for (let i = first; i < last; i++) strings[i] = buffer.toString('utf8', starts[i], starts[i + 1]);
    first = last;
  }
  return strings;
}

/** The strings joinStrings() gave, each decoded when it is asked for. */
export class JoinedStrings {
  private readonly buffer: Buffer;
  private readonly starts: Float64Array;
  private readonly encoding: 'latin1' | 'utf8';

  constructor(bytes: Uint8Array, lengths: Int32Array) {
    this.buffer = bufferOf(bytes);
    this.starts = startsOf(lengths);
    checkLengths(this.starts, this.buffer);
    this.encoding = isAscii(this.buffer) ? 'latin1' : 'utf8';
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.buffer.toString(this.encoding, this.starts[i], this.starts[i + 1]);
  }
}

/**
 * The growable typed columns and string tables the embedded store keeps its claims and
 * relations in (claim-table.ts, relation-table.ts): a million rows cost a few bytes a field
 * instead of a JavaScript object each, and a snapshot writes and reads a column as one buffer.
 */

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

/** Removes one `value` from `list` by moving the last element into its place (order is not kept). */
export function removeValue(list: number[], value: number): void {
  const at = list.lastIndexOf(value);
  if (at === -1) return;
  list[at] = list[list.length - 1]!;
  list.pop();
}

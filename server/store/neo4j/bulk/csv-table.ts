/**
 * One node or relationship table of a bulk import as neo4j-admin reads it: CSV files with a
 * header file each (`--nodes=Label=header.csv,data.csv`), streamed to disk row by row. The
 * columns are not declared: they follow the property objects the store's row builders
 * (../rows.ts) produce, typed as the driver would send them (an integer a long, another number a
 * double, a list a typed array). When a row brings a property the current part has no column
 * for (or a double into a long column), the table starts a new part with the wider header, so
 * any property the builders add reaches the database without this file changing.
 *
 * neo4j-admin reads an empty field as no value, so an empty list cannot be written: such
 * properties are kept aside (`emptyLists`) and set after the import (finish.ts).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInput } from '../../../errors.ts';

/** Between a list's values: a control character no text dyad stores contains (checked). */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]' | 'boolean[]';

/** The fixed columns before the properties: ids that link relationships, labels. */
export interface Keys {
  /** `:ID(space)` column named `id` (stored as the `id` property too). */
  id?: string;
  /** `:START_ID(space)` and `:END_ID(space)`. */
  start?: string;
  end?: string;
  /** `:LABEL` column. */
  labels?: boolean;
}

export interface Row {
  id?: string;
  start?: string;
  end?: string;
  labels?: string[];
  props?: Record<string, unknown>;
}

/** A part of a table: its header and data files, and whether a value spans lines. */
export interface TablePart {
  header: string;
  data: string;
  multiline: boolean;
}

const FLUSH_CHARS = 1 << 20;

function scalarType(value: unknown): 'string' | 'long' | 'double' | 'boolean' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? 'long' : 'double';
  throw new InvalidInput(`a property value of type ${typeof value} cannot be written to a bulk import`);
}

/** The column type of a non-empty value; a list takes the widest type of its elements (a long list with a double in it is a double list). */
function typeOf(value: unknown): ColumnType {
  if (!Array.isArray(value)) return scalarType(value);
  const types = new Set(value.map(scalarType));
  if (types.size === 1) return `${[...types][0]!}[]` as ColumnType;
  if (types.size === 2 && types.has('long') && types.has('double')) return 'double[]';
  throw new InvalidInput('a list property mixes types');
}

/** A column's type admits a value of this type (a double column takes integers; not the other way round). */
const admits = (column: ColumnType, value: ColumnType) => column === value || (column === 'double' && value === 'long') || (column === 'double[]' && value === 'long[]');

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

function field(value: unknown, what: string): string {
  if (typeof value === 'string') return quoted(value);
  if (!Array.isArray(value)) return String(value);
  const items = value.map((item) => {
    const text = String(item);
    if (text.includes(ARRAY_DELIMITER)) throw new InvalidInput(`${what}: a list value holds the control character U+001F`);
    return text;
  });
  return quoted(items.join(ARRAY_DELIMITER));
}

const spansLines = (value: unknown) =>
  typeof value === 'string' ? /[\n\r]/.test(value) : Array.isArray(value) && value.some((item) => typeof item === 'string' && /[\n\r]/.test(item));

export class CsvTable {
  readonly parts: TablePart[] = [];
  /** Rows whose list properties were empty: their ids and those properties. */
  readonly emptyLists: Array<{ id: string; props: Record<string, unknown[]> }> = [];
  /** The longest value written, in characters (neo4j-admin's read buffer must hold it). */
  longestValue = 0;
  private columns = new Map<string, ColumnType>();
  private stream: WriteStream | undefined;
  private buffer = '';
  private part: TablePart | undefined;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly keys: Keys,
  ) {}

  /** Writes one row; resolves when the file can take more. */
  async write(row: Row, what: string): Promise<void> {
    const props: Array<[string, unknown, ColumnType]> = [];
    const empty: Record<string, unknown[]> = {};
    for (const [key, value] of Object.entries(row.props ?? {})) {
      // The id column holds the `id` property.
      if (value === undefined || value === null || (key === 'id' && this.keys.id)) continue;
      if (Array.isArray(value) && value.length === 0) empty[key] = value;
      else props.push([key, value, typeOf(value)]);
    }
    if (Object.keys(empty).length > 0) {
      if (row.id === undefined) throw new InvalidInput(`${what}: an empty list on a row without an id`);
      this.emptyLists.push({ id: row.id, props: empty });
    }
    const wider = props.some(([key, , type]) => {
      const column = this.columns.get(key);
      return column === undefined || !admits(column, type);
    });
    if (wider || !this.part) await this.startPart(props);
    const values = new Map(props.map(([key, value]) => [key, value]));
    const fields: string[] = [];
    if (this.keys.id) fields.push(quoted(row.id!));
    if (this.keys.start) fields.push(quoted(row.start!), quoted(row.end!));
    if (this.keys.labels) fields.push(field(row.labels!, what));
    let multiline = false;
    for (const key of this.columns.keys()) {
      const value = values.get(key);
      if (value === undefined) fields.push('');
      else {
        const text = field(value, what);
        if (text.length > this.longestValue) this.longestValue = text.length;
        multiline ||= spansLines(value);
        fields.push(text);
      }
    }
    if (multiline) this.part!.multiline = true;
    this.buffer += `${fields.join(',')}\n`;
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  /** Flushes and closes the current part. */
  async close(): Promise<void> {
    await this.flush();
    const stream = this.stream;
    this.stream = undefined;
    if (stream) await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }

  /** Closes the current part and opens the next with the current columns widened to take these properties. */
  private async startPart(props: Array<[string, unknown, ColumnType]>): Promise<void> {
    await this.close();
    for (const [key, , type] of props) {
      const column = this.columns.get(key);
      if (column === undefined || !admits(column, type)) this.columns.set(key, column === 'long' ? 'double' : column === 'long[]' ? 'double[]' : type);
    }
    const n = this.parts.length + 1;
    const part: TablePart = { header: join(this.dir, `${this.name}-${n}-header.csv`), data: join(this.dir, `${this.name}-${n}.csv`), multiline: false };
    const header: string[] = [];
    if (this.keys.id) header.push(`id:ID(${this.keys.id})`);
    if (this.keys.start) header.push(`:START_ID(${this.keys.start})`, `:END_ID(${this.keys.end})`);
    if (this.keys.labels) header.push(':LABEL');
    for (const [key, type] of this.columns) header.push(`${key}:${type}`);
    await writeFile(part.header, `${header.join(',')}\n`);
    this.parts.push(part);
    this.part = part;
    this.stream = createWriteStream(part.data);
  }

  private async flush(): Promise<void> {
    if (!this.stream || this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream!.once('drain', resolve));
  }
}

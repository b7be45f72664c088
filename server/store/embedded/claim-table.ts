/**
 * The embedded store's claims in columns: one row a claim, its document and ends as numbers
 * of string tables (actor and document ids, `when`s held once), its enums as one-byte codes,
 * offsets as integers, and the fields few claims have (attributedTo, confidence, note,
 * revision, mode, role, claimed) beside the row. A claim becomes an object only when it is
 * read (record()). Rows freed by a replaced document are reused.
 */
import { Certainty, type ClaimRecord, Origin, RelationType } from '../../domain/index.ts';
import { Codes, gather, int32Column, JoinedStrings, joinStrings, StringTable, uint8Column } from './columns.ts';
import type { Sections, SnapshotSection } from './snapshot.ts';

/** A claim as held: the record without its quote (a slice of its document's text). */
export type StoredClaim = Omit<ClaimRecord, 'quote'>;

export const relationTypes = new Codes(RelationType.options);
export const certainties = new Codes(Certainty.options);
const origins = new Codes(Origin.options);

/** The fields every claim has, kept in columns; any other field is an extra. */
const COLUMN_FIELDS = new Set(['id', 'document', 'subject', 'type', 'object', 'certainty', 'when', 'start', 'end', 'origin', 'quote']);

type Extras = Partial<StoredClaim>;

export class ClaimTable {
  /** Each row's claim id (undefined: a free row). */
  private readonly ids: (string | undefined)[] = [];
  private readonly rowOf = new Map<string, number>();
  /** The ids of the rows a snapshot restored, until a write or a look-up by id needs `ids` and `rowOf` (materialise()). */
  private restored?: JoinedStrings;
  private readonly free: number[] = [];
  readonly document = int32Column();
  readonly subject = int32Column();
  readonly object = int32Column();
  readonly start = int32Column();
  readonly end = int32Column();
  /** The `when`'s number plus one; 0 when the claim has none. */
  readonly when = int32Column();
  readonly type = uint8Column();
  readonly certainty = uint8Column();
  readonly origin = uint8Column();
  private readonly extras = new Map<number, Extras>();

  constructor(
    readonly actors: StringTable,
    readonly documents: StringTable,
    readonly whens: StringTable = new StringTable(),
  ) {}

  get size(): number {
    return this.restored?.length ?? this.rowOf.size;
  }

  row(id: string): number | undefined {
    this.materialise();
    return this.rowOf.get(id);
  }

  private idOf(row: number): string | undefined {
    return this.restored ? this.restored.at(row) : this.ids[row];
  }

  /** The restored ids as `ids` and `rowOf`: a million strings and a map of them, made on first need rather than at open. */
  private materialise(): void {
    const restored = this.restored;
    if (!restored) return;
    for (let row = 0; row < restored.length; row++) {
      const id = restored.at(row);
      this.ids[row] = id;
      this.rowOf.set(id, row);
    }
    this.restored = undefined;
  }

  /** Puts a claim in a free row; returns the row. */
  put(claim: StoredClaim): number {
    this.materialise();
    const row = this.free.pop() ?? this.ids.length;
    this.ids[row] = claim.id;
    this.rowOf.set(claim.id, row);
    this.document.set(row, this.documents.intern(claim.document));
    this.subject.set(row, this.actors.intern(claim.subject));
    this.object.set(row, this.actors.intern(claim.object));
    this.start.set(row, claim.start);
    this.end.set(row, claim.end);
    this.when.set(row, claim.when === undefined ? 0 : this.whens.intern(claim.when) + 1);
    this.type.set(row, relationTypes.code(claim.type));
    this.certainty.set(row, certainties.code(claim.certainty));
    this.origin.set(row, origins.code(claim.origin));
    let extras: Extras | undefined;
    for (const field in claim) {
      const value = claim[field as keyof StoredClaim];
      if (!COLUMN_FIELDS.has(field) && value !== undefined) (extras ??= {})[field as keyof Extras] = value as never;
    }
    if (extras) this.extras.set(row, extras);
    return row;
  }

  remove(row: number): void {
    this.materialise();
    this.rowOf.delete(this.ids[row]!);
    this.ids[row] = undefined;
    this.extras.delete(row);
    this.free.push(row);
  }

  /** The claim in `row` as a record without its quote. */
  record(row: number): StoredClaim {
    const when = this.when.get(row);
    const claim: StoredClaim = {
      id: this.idOf(row)!,
      document: this.documents.at(this.document.get(row)),
      subject: this.actors.at(this.subject.get(row)),
      type: relationTypes.value(this.type.get(row)),
      object: this.actors.at(this.object.get(row)),
      certainty: certainties.value(this.certainty.get(row)),
      ...(when > 0 ? { when: this.whens.at(when - 1) } : {}),
      start: this.start.get(row),
      end: this.end.get(row),
      origin: origins.value(this.origin.get(row)),
    };
    const extras = this.extras.get(row);
    return extras ? { ...claim, ...extras } : claim;
  }

  whenOf(row: number): string | undefined {
    const when = this.when.get(row);
    return when > 0 ? this.whens.at(when - 1) : undefined;
  }

  private columns() {
    const { document, subject, object, start, end, when, type, certainty, origin } = this;
    return { document, subject, object, start, end, when, type, certainty, origin };
  }

  /** The claims of each document's `rows`, documents and rows in that order, as snapshot sections (rows renumbered from 0). */
  snapshotSections(rowsByDocument: number[][]): SnapshotSection[] {
    const order = new Int32Array(rowsByDocument.reduce((n, rows) => n + rows.length, 0));
    let at = 0;
    for (const rows of rowsByDocument) for (const row of rows) order[at++] = row;
    const columns = Object.entries(this.columns()).map(([name, column]): SnapshotSection => ({ name: `claim.${name}`, column: gather(column.data, order) }));
    const extras: [number, Extras][] = [];
    order.forEach((row, i) => {
      const found = this.extras.get(row);
      if (found) extras.push([i, found]);
    });
    const ids = joinStrings(Array.from(order, (row) => this.idOf(row)!));
    return [
      { name: 'claim.ids', column: ids.bytes },
      { name: 'claim.idBytes', column: ids.lengths },
      { name: 'claim.extras', json: extras },
      ...columns,
    ];
  }

  /** Takes back what snapshotSections() gave, into an empty table. */
  restoreSections(sections: Sections): void {
    for (const [name, column] of Object.entries(this.columns())) column.data = sections.get(`claim.${name}`) as never;
    this.restored = new JoinedStrings(sections.get('claim.ids') as Uint8Array, sections.get('claim.idBytes') as Int32Array);
    for (const [row, extras] of sections.get('claim.extras') as [number, Extras][]) this.extras.set(row, extras);
  }
}

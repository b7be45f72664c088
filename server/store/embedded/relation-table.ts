/**
 * The embedded store's relations in columns: one row a relation (its ends as actor numbers,
 * its type as a code) with its aggregate (relationAttributes) as numbers: claims, certainty
 * counts, supporting and denying documents, contested, first and last `when`, and its
 * documents (the one document most relations have in a column, longer lists beside it).
 * GraphState sets a relation's aggregate whenever a write touches it; a read materialises
 * the RelationRows it visits, and the neighbourhood, overview and paths rules
 * (RelationReads) answer over them.
 */
import type { EdgeAttributes } from '../../domain/index.ts';
import { isSymmetric } from '../../domain/index.ts';
import { RelationReads } from '../../graph/relation-index.ts';
import type { RelationPredicate, RelationRow } from '../../graph/relations.ts';
import { certainties, relationTypes } from './claim-table.ts';
import { gather, int32Column, RowLists, type StringTable, uint8Column } from './columns.ts';
import type { Sections, SnapshotSection } from './snapshot.ts';

/** The row's document list when it has more than one document. */
const MANY = -1;

export class RelationTable extends RelationReads {
  private count = 0;
  private readonly free: number[] = [];
  /** Each actor's relations, by actor number. */
  private readonly ofActor = new RowLists();
  /** The source's actor number; -1 for a free row. */
  readonly source = int32Column();
  readonly target = int32Column();
  readonly type = uint8Column();
  readonly claims = int32Column();
  readonly supporting = int32Column();
  readonly denying = int32Column();
  readonly contested = uint8Column();
  /** `when` numbers plus one; 0 for none. */
  readonly firstWhen = int32Column();
  readonly lastWhen = int32Column();
  /** Counts by certainty, one column per certainty in its enum's order. */
  readonly certainty = certainties.values.map(() => int32Column());
  /** The document number, or MANY when the row's documents are in `documentLists`. */
  readonly document = int32Column();
  private readonly documentLists = new Map<number, number[]>();

  constructor(
    private readonly actors: StringTable,
    private readonly documents: StringTable,
    private readonly whens: StringTable,
  ) {
    super();
  }

  get size(): number {
    return this.count;
  }

  /** The relation `source –type→ target` (ends in relation order), if it has claims. */
  find(source: number, type: number, target: number): number | undefined {
    const a = this.ofActor.of(source);
    const b = this.ofActor.of(target);
    for (const rel of a.length <= b.length ? a : b)
      if (this.source.get(rel) === source && this.target.get(rel) === target && this.type.get(rel) === type) return rel;
    return undefined;
  }

  /** The aggregate of the relation `source –type→ target` (numbers), if it has claims. */
  attributes(source: number, type: number, target: number): EdgeAttributes | undefined {
    const rel = this.find(source, type, target);
    return rel === undefined ? undefined : this.row(rel).attributes;
  }

  /** Puts the aggregate of the relation `source –type→ target` (numbers), adding the relation when it is new. */
  set(source: number, type: number, target: number, attributes: EdgeAttributes): void {
    this.forget(this.actors.at(source));
    this.forget(this.actors.at(target));
    let rel = this.find(source, type, target);
    if (rel === undefined) {
      rel = this.free.pop() ?? this.count + this.free.length;
      this.count++;
      this.source.set(rel, source);
      this.target.set(rel, target);
      this.type.set(rel, type);
      this.ofActor.push(source, rel);
      this.ofActor.push(target, rel);
    }
    this.claims.set(rel, attributes.claims);
    this.supporting.set(rel, attributes.supporting);
    this.denying.set(rel, attributes.denying);
    this.contested.set(rel, attributes.contested ? 1 : 0);
    this.firstWhen.set(rel, attributes.firstWhen === undefined ? 0 : this.whens.intern(attributes.firstWhen) + 1);
    this.lastWhen.set(rel, attributes.lastWhen === undefined ? 0 : this.whens.intern(attributes.lastWhen) + 1);
    certainties.values.forEach((c, i) => this.certainty[i]!.set(rel, attributes.certainty[c]));
    const documents = attributes.documents.map((d) => this.documents.intern(d));
    this.documentLists.delete(rel);
    if (documents.length === 1) this.document.set(rel, documents[0]!);
    else {
      this.document.set(rel, MANY);
      this.documentLists.set(rel, documents);
    }
  }

  /** Takes the relation out (its last claim is gone). */
  drop(source: number, type: number, target: number): void {
    const rel = this.find(source, type, target);
    if (rel === undefined) return;
    this.forget(this.actors.at(source));
    this.forget(this.actors.at(target));
    this.ofActor.remove(source, rel);
    this.ofActor.remove(target, rel);
    this.source.set(rel, -1);
    this.documentLists.delete(rel);
    this.free.push(rel);
    this.count--;
  }

  /** How many relations an actor (by number) has. */
  degree(actor: number): number {
    return this.ofActor.size(actor);
  }

  /** The relation in row `rel`, its aggregate as the shared rules read it. */
  row(rel: number): RelationRow {
    const source = this.actors.at(this.source.get(rel));
    const target = this.actors.at(this.target.get(rel));
    const type = relationTypes.value(this.type.get(rel));
    const first = this.firstWhen.get(rel);
    const last = this.lastWhen.get(rel);
    const document = this.document.get(rel);
    const documents = document === MANY ? this.documentLists.get(rel)!.map((d) => this.documents.at(d)) : [this.documents.at(document)];
    return {
      key: `${source}|${type}|${target}`,
      source,
      target,
      attributes: {
        type,
        symmetric: isSymmetric(type),
        claims: this.claims.get(rel),
        documents,
        certainty: this.certaintyCounts(rel),
        supporting: this.supporting.get(rel),
        denying: this.denying.get(rel),
        contested: this.contested.get(rel) === 1,
        ...(first > 0 ? { firstWhen: this.whens.at(first - 1) } : {}),
        ...(last > 0 ? { lastWhen: this.whens.at(last - 1) } : {}),
      },
    };
  }

  private certaintyCounts(rel: number): EdgeAttributes['certainty'] {
    const counts = {} as EdgeAttributes['certainty'];
    for (let i = 0; i < certainties.values.length; i++) counts[certainties.values[i]!] = this.certainty[i]!.get(rel);
    return counts;
  }

  touching(ids: Iterable<string>, passes: RelationPredicate): RelationRow[] {
    const seen = new Set<number>();
    const rows: RelationRow[] = [];
    for (const id of ids)
      for (const rel of this.relationsOf(id)) {
        if (seen.has(rel)) continue;
        seen.add(rel);
        const row = this.row(rel);
        if (passes(row)) rows.push(row);
      }
    return rows;
  }

  rows(passes: RelationPredicate): RelationRow[] {
    const rows: RelationRow[] = [];
    const end = this.count + this.free.length;
    for (let rel = 0; rel < end; rel++) {
      if (this.source.get(rel) === -1) continue;
      const row = this.row(rel);
      if (passes(row)) rows.push(row);
    }
    return rows;
  }

  neighbours(id: string, passes: RelationPredicate): Set<string> {
    const found = new Set<string>();
    for (const row of this.touching([id], passes)) found.add(row.source === id ? row.target : row.source);
    return found;
  }

  between(a: string, b: string, passes: RelationPredicate): RelationRow[] {
    const other = this.actors.find(b);
    const mine = this.actors.find(a);
    if (other === undefined || mine === undefined) return [];
    const rows: RelationRow[] = [];
    const [shorter, end] = this.degree(mine) <= this.degree(other) ? [mine, other] : [other, mine];
    for (const rel of this.ofActor.of(shorter)) {
      if (this.source.get(rel) !== end && this.target.get(rel) !== end) continue;
      const row = this.row(rel);
      if (passes(row)) rows.push(row);
    }
    return rows;
  }

  hasActor(id: string): boolean {
    const actor = this.actors.find(id);
    return actor !== undefined && this.degree(actor) > 0;
  }

  private columns() {
    const { source, target, type, claims, supporting, denying, contested, firstWhen, lastWhen, document } = this;
    return { source, target, type, claims, supporting, denying, contested, firstWhen, lastWhen, document, ...Object.fromEntries(this.certainty.map((c, i) => [`certainty${i}`, c])) };
  }

  /** The relations as snapshot sections (rows renumbered from 0, free rows left out). */
  snapshotSections(): SnapshotSection[] {
    const end = this.count + this.free.length;
    const rows = new Int32Array(this.count);
    for (let rel = 0, at = 0; rel < end; rel++) if (this.source.get(rel) !== -1) rows[at++] = rel;
    const columns = Object.entries(this.columns()).map(([name, column]): SnapshotSection => ({ name: `relation.${name}`, column: gather(column.data, rows) }));
    const lists: [number, number[]][] = [];
    rows.forEach((rel, i) => {
      const documents = this.documentLists.get(rel);
      if (documents) lists.push([i, documents]);
    });
    return [{ name: 'relation.documentLists', json: lists }, ...columns];
  }

  /** Takes back what snapshotSections() gave, into an empty table. */
  restoreSections(sections: Sections): void {
    for (const [name, column] of Object.entries(this.columns())) column.data = sections.get(`relation.${name}`) as never;
    for (const [rel, documents] of sections.get('relation.documentLists') as [number, number[]][]) this.documentLists.set(rel, documents);
    const source = this.source.data;
    const target = this.target.data;
    this.count = source.length;
    this.ofActor.pack(this.actors.strings.length, source, target, this.count, false);
  }

  private relationsOf(id: string): Iterable<number> {
    const actor = this.actors.find(id);
    return actor === undefined ? [] : this.ofActor.of(actor);
  }
}

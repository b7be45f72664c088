/**
 * The embedded store's memory. Actors and documents by id; claims in columns (ClaimTable),
 * indexed by document (evidence order) and by actor as row numbers; and the relations in
 * columns (RelationTable), each relation's aggregate recomputed when a document put touches
 * it, so graph reads without claim-level filters never visit claims. A claim is kept without
 * its quote, which is the slice [start, end) of its document's text and is rebuilt on read
 * (V8 slices share the text's memory). Mutations are synchronous, so a reader never sees
 * half a swap.
 */
import type { Actor, ActorRef, ClaimRecord, ClaimView, DocumentRecord, EdgeAttributes } from '../../domain/index.ts';
import { isSymmetric } from '../../domain/index.ts';
import { mergeAttributes, relationAttributes } from '../../graph/aggregate.ts';
import { compactName } from '../../ingest/alias-index.ts';
import type { DocumentUpsert } from '../graph-store.ts';
import { checkReferences, checkUniqueActors } from '../upsert-checks.ts';
import { certainties, ClaimTable, relationTypes, type StoredClaim } from './claim-table.ts';
import { joinStrings, RowLists, splitStrings, StringTable } from './columns.ts';
import { RelationTable } from './relation-table.ts';
import type { Sections, SnapshotSection } from './snapshot.ts';

export type { StoredClaim };

/** Evidence order: document id, then start offset, then claim id (code-unit order, as Neo4j sorts). */
export function evidenceOrder(a: Pick<ClaimRecord, 'document' | 'start' | 'id'>, b: Pick<ClaimRecord, 'document' | 'start' | 'id'>): number {
  return compare(a.document, b.document) || a.start - b.start || compare(a.id, b.id);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sameActor = (a: Actor | undefined, b: Actor): boolean =>
  a !== undefined &&
  a.name === b.name &&
  a.kind === b.kind &&
  a.description === b.description &&
  a.aliases.length === b.aliases.length &&
  a.aliases.every((alias, i) => alias === b.aliases[i]);

/**
 * Relations a write touched, each as source → target · RELATION_TYPES + type: `lost` those
 * that lost claims (aggregated again from their claims), `added` the claim rows of new
 * documents each gained (merged into its aggregate, mergeAttributes).
 */
interface Touched {
  lost: Map<number, Set<number>>;
  added: Map<number, Map<number, number[]>>;
}

const RELATION_TYPES = relationTypes.values.length;

export class GraphState {
  readonly documents = new Map<string, DocumentRecord>();
  private readonly actorsById = new Map<string, Actor>();
  /** Each actor's names compacted (compactName) and joined by `|`, as the Neo4j store's searchCompact. */
  private readonly compactNames = new Map<string, string>();
  /** Actor and document ids numbered: claims and relations hold the numbers. */
  private readonly actorNumbers = new StringTable();
  private readonly documentNumbers = new StringTable();
  private readonly whens = new StringTable();
  private readonly claims = new ClaimTable(this.actorNumbers, this.documentNumbers, this.whens);
  readonly relations = new RelationTable(this.actorNumbers, this.documentNumbers, this.whens);
  /** Each document's claim rows in evidence order, by document number. */
  private readonly rowsOfDocument: number[][] = [];
  /** Each actor's claim rows, by actor number. */
  private readonly rowsOfActor = new RowLists();
  private actorsWithClaimsCount = 0;
  /** Document ids in order; rebuilt on the first read after a new document. */
  private sortedDocuments?: string[];

  get actorsWithClaims(): number {
    return this.actorsWithClaimsCount;
  }

  get claimCountTotal(): number {
    return this.claims.size;
  }

  actor(id: string): Actor | undefined {
    return this.actorsById.get(id);
  }

  /** Every actor, in the order they were put. */
  actors(): Actor[] {
    return [...this.actorsById.values()];
  }

  get actorCount(): number {
    return this.actorsById.size;
  }

  /** The actors that are new or differ from the stored ones; duplicate ids are an error. */
  changedActors(actors: Actor[]): Actor[] {
    checkUniqueActors(actors);
    // Both sides went through the same schema parse, so equal actors serialise alike.
    return actors.filter((a) => JSON.stringify(this.actor(a.id)) !== JSON.stringify(a));
  }

  /** Inserts or replaces actors by id. */
  putActors(actors: Iterable<Actor>): void {
    for (const actor of actors) {
      const stored = this.actorsById.get(actor.id);
      // A document's actors are mostly the stored ones again: nothing to re-index then.
      if (stored === actor || sameActor(stored, actor)) continue;
      this.actorsById.set(actor.id, actor);
      this.compactNames.set(actor.id, [actor.name, ...actor.aliases].map(compactName).join('|'));
    }
  }

  /**
   * The stored actor when `input` is one equal to it (an actor validated when it was put),
   * so a write that names actors the store holds unchanged need not validate them again.
   */
  heldActor(input: unknown): Actor | undefined {
    if (typeof input !== 'object' || input === null) return undefined;
    const { id, aliases } = input as Partial<Actor>;
    if (typeof id !== 'string' || !Array.isArray(aliases)) return undefined;
    const stored = this.actorsById.get(id);
    return stored && sameActor(stored, input as Actor) ? stored : undefined;
  }

  /** The actors a search for `q` can match: every match rankActors scores contains the compacted query. */
  searchCandidates(q: string): Actor[] {
    const compact = compactName(q);
    if (!compact) return [];
    const found: Actor[] = [];
    for (const [id, names] of this.compactNames) if (names.includes(compact)) found.push(this.actorsById.get(id)!);
    return found;
  }

  /** The checks the schemas cannot make (upsert-checks.ts), against what this state holds. */
  checkReferences(upsert: DocumentUpsert): void {
    checkReferences(upsert, {
      hasActor: (id) => this.actorsById.has(id),
      claimOwner: (id) => {
        const row = this.claims.row(id);
        return row === undefined ? undefined : this.documentNumbers.at(this.claims.document.get(row));
      },
    });
  }

  /** Puts a checked upsert in: its actors, the document, and its claims in place of the previous ones. */
  putDocument(upsert: DocumentUpsert): void {
    this.putDocuments([upsert]);
  }

  /**
   * Puts checked upserts in, one after the other, and then brings each relation they touched
   * up to date once (a relation named by many documents of a batch once, not per document):
   * one that lost claims is aggregated again from its claims, one that only gained claims of
   * the batch's documents merges their aggregate into its own (Touched). The batch's actors are compared with the stored ones once, the last version of
   * an actor named twice winning as it would document by document.
   */
  putDocuments(upserts: DocumentUpsert[]): void {
    const actors = new Map<string, Actor>();
    for (const upsert of upserts) for (const actor of upsert.actors) actors.set(actor.id, actor);
    this.putActors(actors.values());
    const touched: Touched = { lost: new Map(), added: new Map() };
    for (const upsert of upserts) this.replaceDocument(upsert, touched);
    for (const [source, relations] of touched.lost)
      for (const code of relations) this.recompute(source, code % RELATION_TYPES, Math.floor(code / RELATION_TYPES));
    for (const [source, relations] of touched.added)
      for (const [code, rows] of relations) {
        if (touched.lost.get(source)?.has(code)) continue;
        this.addToRelation(source, code % RELATION_TYPES, Math.floor(code / RELATION_TYPES), rows);
      }
  }

  private replaceDocument({ document, claims }: DocumentUpsert, touched: Touched): void {
    const number = this.documentNumbers.intern(document.id);
    for (const row of this.rowsOfDocument[number] ?? []) {
      const [source, code] = this.relationCode(row);
      let lost = touched.lost.get(source);
      if (!lost) touched.lost.set(source, (lost = new Set()));
      lost.add(code);
      this.unindex(row);
      this.claims.remove(row);
    }
    const rows = [...claims].sort(evidenceOrder).map((claim) => this.insert(claim));
    for (const row of rows) {
      const [source, code] = this.relationCode(row);
      let added = touched.added.get(source);
      if (!added) touched.added.set(source, (added = new Map()));
      const gained = added.get(code);
      if (gained) gained.push(row);
      else added.set(code, [row]);
    }
    if (!this.documents.has(document.id)) this.sortedDocuments = undefined;
    this.documents.set(document.id, document);
    this.rowsOfDocument[number] = rows;
  }

  /** A claim into the table and the actor index; returns its row. */
  private insert(claim: StoredClaim): number {
    const row = this.claims.put(claim);
    for (const end of this.ends(row)) {
      if (this.rowsOfActor.size(end) === 0) this.actorsWithClaimsCount++;
      this.rowsOfActor.push(end, row);
    }
    return row;
  }

  private unindex(row: number): void {
    for (const end of this.ends(row)) {
      this.rowsOfActor.remove(end, row);
      if (this.rowsOfActor.size(end) === 0) this.actorsWithClaimsCount--;
    }
  }

  /** The actor numbers a claim row names, each once. */
  private ends(row: number): number[] {
    const subject = this.claims.subject.get(row);
    const object = this.claims.object.get(row);
    return subject === object ? [subject] : [subject, object];
  }

  /** The relation of a claim row as its source and target · RELATION_TYPES + type (numbers; symmetric types: ends in id order). */
  private relationCode(row: number): [number, number] {
    const subject = this.claims.subject.get(row);
    const object = this.claims.object.get(row);
    const type = this.claims.type.get(row);
    const swap = isSymmetric(relationTypes.value(type)) && this.actorNumbers.at(object) < this.actorNumbers.at(subject);
    return swap ? [object, subject * RELATION_TYPES + type] : [subject, object * RELATION_TYPES + type];
  }

  /**
   * The state as snapshot sections (snapshot.ts): actors (with their compacted names), the
   * id tables, documents, and the claims and relations as columns, claims in document and
   * evidence order, so that restoring recomputes nothing.
   */
  snapshotSections(): SnapshotSection[] {
    const documents = [...this.documents.values()];
    const rows = documents.map((d) => this.documentRows(d.id));
    const texts = joinStrings(documents.map((d) => d.text));
    return [
      { name: 'actors', json: this.actors() },
      { name: 'compactNames', json: [...this.compactNames.values()] },
      { name: 'actorNumbers', json: this.actorNumbers.strings },
      { name: 'documentNumbers', json: this.documentNumbers.strings },
      { name: 'whens', json: this.whens.strings },
      // The texts apart, as UTF-8 (splitStrings); `text` stays in each record to keep its place among the fields.
      { name: 'documents', json: documents.map((d) => ({ ...d, text: '' })) },
      { name: 'documentTexts', column: texts.bytes },
      { name: 'documentTextBytes', column: texts.lengths },
      { name: 'documentClaims', column: Int32Array.from(rows, (r) => r.length) },
      ...this.claims.snapshotSections(rows),
      ...this.relations.snapshotSections(),
    ];
  }

  /** Takes back what snapshotSections() gave, into an empty state. */
  restoreSections(sections: Sections): void {
    const compactNames = sections.get('compactNames') as string[];
    (sections.get('actors') as Actor[]).forEach((actor, i) => {
      this.actorsById.set(actor.id, actor);
      this.compactNames.set(actor.id, compactNames[i]!);
    });
    for (const id of sections.get('actorNumbers') as string[]) this.actorNumbers.intern(id);
    for (const id of sections.get('documentNumbers') as string[]) this.documentNumbers.intern(id);
    for (const when of sections.get('whens') as string[]) this.whens.intern(when);
    this.claims.restoreSections(sections);
    const counts = sections.get('documentClaims') as Int32Array;
    const texts = splitStrings(sections.get('documentTexts') as Uint8Array, sections.get('documentTextBytes') as Int32Array);
    let row = 0;
    (sections.get('documents') as DocumentRecord[]).forEach((document, i) => {
      document.text = texts[i]!;
      this.documents.set(document.id, document);
      const rows = new Array<number>(counts[i]!);
      for (let at = 0; at < rows.length; at++) rows[at] = row++;
      this.rowsOfDocument[this.documentNumbers.find(document.id)!] = rows;
    });
    const actors = this.actorNumbers.strings.length;
    this.rowsOfActor.pack(actors, this.claims.subject.data, this.claims.object.data, row, true);
    for (let actor = 0; actor < actors; actor++) if (this.rowsOfActor.size(actor) > 0) this.actorsWithClaimsCount++;
    this.relations.restoreSections(sections);
  }

  /** A relation's aggregate from its claims, or the relation gone when it has none left. */
  private recompute(source: number, type: number, target: number): void {
    const rows: number[] = [];
    const shorter = this.claimCountOf(source) <= this.claimCountOf(target) ? source : target;
    const symmetric = isSymmetric(relationTypes.value(type));
    const { subject, object } = this.claims;
    // A claim is of the relation when its ends are the relation's, either way round for a symmetric type.
    for (const row of this.rowsOfActor.of(shorter)) {
      if (this.claims.type.get(row) !== type) continue;
      const s = subject.get(row);
      const o = object.get(row);
      if ((s === source && o === target) || (symmetric && s === target && o === source)) rows.push(row);
    }
    if (rows.length === 0) this.relations.drop(source, type, target);
    else this.relations.set(source, type, target, this.aggregate(type, rows));
  }

  /** A relation's aggregate with the claims of new documents (`rows`) added, without visiting the claims it had. */
  private addToRelation(source: number, type: number, target: number, rows: number[]): void {
    const added = this.aggregate(type, rows);
    const held = this.relations.attributes(source, type, target);
    this.relations.set(source, type, target, held ? mergeAttributes(held, added) : added);
  }

  /** The aggregate of claim rows of one relation. */
  private aggregate(type: number, rows: number[]): EdgeAttributes {
    const evidence = rows.map((row) => ({
      document: this.documentNumbers.at(this.claims.document.get(row)),
      certainty: certainties.value(this.claims.certainty.get(row)),
      when: this.claims.whenOf(row),
    }));
    return relationAttributes(relationTypes.value(type), evidence);
  }

  private claimCountOf(actor: number): number {
    return this.rowsOfActor.size(actor);
  }

  /** Each actor with claims and how many: with no filter, an actor's weight in the overview. */
  claimCounts(): Iterable<[string, number]> {
    const counts: [string, number][] = [];
    for (let actor = 0; actor < this.rowsOfActor.keys; actor++) {
      const claims = this.rowsOfActor.size(actor);
      if (claims > 0) counts.push([this.actorNumbers.at(actor), claims]);
    }
    return counts;
  }

  /** How many claims name the actor as subject or object (ingest refuses a claim naming one actor twice). */
  claimCount(actorId: string): number {
    const actor = this.actorNumbers.find(actorId);
    return actor === undefined ? 0 : this.claimCountOf(actor);
  }

  /** The claim with this id, if the store holds one. */
  findClaim(id: string): ClaimRecord | undefined {
    const row = this.claims.row(id);
    return row === undefined ? undefined : this.claim(row);
  }

  /** The claim in `row`, its quote sliced from its document's text. */
  private claim(row: number): ClaimRecord {
    const claim = this.claims.record(row);
    return { ...claim, quote: this.documents.get(claim.document)!.text.slice(claim.start, claim.end) };
  }

  /** A document's claims, in evidence order. */
  claimsOfDocument(id: string): ClaimRecord[] {
    const number = this.documentNumbers.find(id);
    return number === undefined ? [] : (this.rowsOfDocument[number] ?? []).map((row) => this.claim(row));
  }

  /** Claims with either end at `actorId`. */
  claimsOfActor(actorId: string): ClaimRecord[] {
    return this.claimsTouching([actorId]);
  }

  /** Claims with either end among `actorIds`, each once. */
  claimsTouching(actorIds: Iterable<string>): ClaimRecord[] {
    const rows = new Set<number>();
    for (const id of actorIds) {
      const actor = this.actorNumbers.find(id);
      if (actor !== undefined) for (const row of this.rowsOfActor.of(actor)) rows.add(row);
    }
    return [...rows].map((row) => this.claim(row));
  }

  /** Every claim, in evidence order (documents by id, each document's claims in order). */
  *allClaims(): Generator<ClaimRecord> {
    for (const document of this.documentOrder()) for (const row of this.documentRows(document)) yield this.claim(row);
  }

  /** `limit` claims from `offset` in evidence order, skipping whole documents before it. */
  claimsPage(offset: number, limit: number): ClaimRecord[] {
    const page: ClaimRecord[] = [];
    let skip = offset;
    for (const document of this.documentOrder()) {
      const rows = this.documentRows(document);
      if (skip >= rows.length) {
        skip -= rows.length;
        continue;
      }
      for (const row of rows.slice(skip, skip + limit - page.length)) page.push(this.claim(row));
      skip = 0;
      if (page.length === limit) break;
    }
    return page;
  }

  private documentRows(id: string): number[] {
    return this.rowsOfDocument[this.documentNumbers.find(id)!]!;
  }

  private documentOrder(): string[] {
    return (this.sortedDocuments ??= [...this.documents.keys()].sort(compare));
  }

  /** The claim as read back: actors expanded, the document's title and grade beside its id. */
  view(claim: ClaimRecord): ClaimView {
    const document = this.documents.get(claim.document)!;
    const { subject, object, ...rest } = claim;
    return {
      ...rest,
      revision: claim.revision ?? 1,
      documentTitle: document.title,
      reliability: document.reliability,
      subject: this.ref(subject),
      object: this.ref(object),
    };
  }

  private ref(id: string): ActorRef {
    const { name, kind, aliases } = this.actorsById.get(id)!;
    return { id, name, kind, aliases };
  }
}

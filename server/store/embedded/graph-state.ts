/**
 * The embedded store's memory. Actors and documents by id; claims by id, indexed by actor,
 * document and relation; and the relations (RelationIndex), each relation's aggregate
 * recomputed when a document put touches it, so graph reads without claim-level filters
 * never visit claims. A claim is kept without its quote, which is the slice [start, end) of
 * its document's text and is rebuilt on read (V8 slices share the text's memory). Mutations
 * are synchronous, so a reader never sees half a swap.
 */
import type { Actor, ActorRef, ClaimRecord, ClaimView, DocumentRecord } from '../../domain/index.ts';
import { relationAttributes, relationBetween } from '../../graph/aggregate.ts';
import { RelationIndex } from '../../graph/relation-index.ts';
import type { RelationRow } from '../../graph/relations.ts';
import { compactName } from '../../ingest/alias-index.ts';
import type { DocumentUpsert } from '../graph-store.ts';
import { checkReferences, checkUniqueActors } from '../upsert-checks.ts';

/** Evidence order: document id, then start offset, then claim id (code-unit order, as Neo4j sorts). */
export function evidenceOrder(a: Pick<ClaimRecord, 'document' | 'start' | 'id'>, b: Pick<ClaimRecord, 'document' | 'start' | 'id'>): number {
  return compare(a.document, b.document) || a.start - b.start || compare(a.id, b.id);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A claim as held: the record without its quote. */
export type StoredClaim = Omit<ClaimRecord, 'quote'>;

/** One record of a state's snapshot (GraphState.records). */
export type StateRecord = { actors: Actor[] } | { document: DocumentRecord; claims: StoredClaim[] } | { relations: RelationRow[] };

const sameActor = (a: Actor | undefined, b: Actor): boolean =>
  a !== undefined &&
  a.name === b.name &&
  a.kind === b.kind &&
  a.description === b.description &&
  a.aliases.length === b.aliases.length &&
  a.aliases.every((alias, i) => alias === b.aliases[i]);

const addTo = (index: Map<string, Set<string>>, key: string, id: string) => {
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
};

const removeFrom = (index: Map<string, Set<string>>, key: string, id: string) => {
  const ids = index.get(key);
  ids?.delete(id);
  if (ids?.size === 0) index.delete(key);
};

export class GraphState {
  readonly documents = new Map<string, DocumentRecord>();
  readonly relations = new RelationIndex();
  private readonly actorsById = new Map<string, Actor>();
  /** Each actor's names compacted (compactName) and joined by `|`, as the Neo4j store's searchCompact. */
  private readonly compactNames = new Map<string, string>();
  private readonly claims = new Map<string, StoredClaim>();
  /** Each document's claim ids in evidence order. */
  private readonly claimsByDocument = new Map<string, string[]>();
  private readonly claimsByActor = new Map<string, Set<string>>();
  private readonly claimsByRelation = new Map<string, Set<string>>();
  /** Document ids in order; rebuilt on the first read after a new document. */
  private sortedDocuments?: string[];

  get actorsWithClaims(): number {
    return this.claimsByActor.size;
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
  putActors(actors: Actor[]): void {
    for (const actor of actors) {
      // A document's actors are mostly the stored ones again: nothing to re-index then.
      if (sameActor(this.actorsById.get(actor.id), actor)) continue;
      this.actorsById.set(actor.id, actor);
      this.compactNames.set(actor.id, [actor.name, ...actor.aliases].map(compactName).join('|'));
    }
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
      claimOwner: (id) => this.claims.get(id)?.document,
    });
  }

  /** Puts a checked upsert in: its actors, the document, and its claims in place of the previous ones. */
  putDocument(upsert: DocumentUpsert): void {
    this.putDocuments([upsert]);
  }

  /**
   * Puts checked upserts in, one after the other, and then recomputes each relation they
   * touched once (a relation named by many documents of a batch is aggregated once, not per document).
   */
  putDocuments(upserts: DocumentUpsert[]): void {
    const touched = new Set<string>();
    for (const upsert of upserts) this.replaceDocument(upsert, touched);
    for (const key of touched) this.recompute(key);
  }

  private replaceDocument({ document, claims, actors }: DocumentUpsert, touched: Set<string>): void {
    this.putActors(actors);
    for (const id of this.claimsByDocument.get(document.id) ?? []) {
      const claim = this.claims.get(id)!;
      const key = relationKey(claim);
      removeFrom(this.claimsByRelation, key, id);
      removeFrom(this.claimsByActor, claim.subject, id);
      removeFrom(this.claimsByActor, claim.object, id);
      this.claims.delete(id);
      touched.add(key);
    }
    for (const { quote: _quote, ...claim } of claims) {
      this.claims.set(claim.id, claim);
      const key = relationKey(claim);
      addTo(this.claimsByRelation, key, claim.id);
      addTo(this.claimsByActor, claim.subject, claim.id);
      addTo(this.claimsByActor, claim.object, claim.id);
      touched.add(key);
    }
    if (!this.documents.has(document.id)) this.sortedDocuments = undefined;
    this.documents.set(document.id, document);
    this.claimsByDocument.set(
      document.id,
      [...claims].sort(evidenceOrder).map((c) => c.id),
    );
  }

  /**
   * The state as plain records for a snapshot (snapshot.ts): actors, each document with its
   * claims in evidence order (quotes left out: they are slices of the text), and the relations'
   * aggregates, so that restoring recomputes nothing.
   */
  *records(): Generator<StateRecord> {
    yield { actors: this.actors() };
    for (const [id, document] of this.documents) {
      yield { document, claims: this.claimsByDocument.get(id)!.map((c) => this.claims.get(c)!) };
    }
    yield { relations: this.relations.rows(() => true) };
  }

  /** Takes back what records() gave, in its order, as if each document had been put. */
  restore(record: StateRecord): void {
    if ('actors' in record) this.putActors(record.actors);
    else if ('document' in record) {
      const { document, claims } = record;
      this.documents.set(document.id, document);
      this.sortedDocuments = undefined;
      this.claimsByDocument.set(
        document.id,
        claims.map((c) => c.id),
      );
      for (const claim of claims) {
        this.claims.set(claim.id, claim);
        addTo(this.claimsByRelation, relationKey(claim), claim.id);
        addTo(this.claimsByActor, claim.subject, claim.id);
        addTo(this.claimsByActor, claim.object, claim.id);
      }
    } else for (const row of record.relations) this.relations.set(row);
  }

  /** A relation's aggregate from its claims, or the relation gone when it has none left. */
  private recompute(key: string): void {
    const ids = this.claimsByRelation.get(key);
    if (!ids) {
      this.relations.drop(key);
      return;
    }
    const claims = [...ids].map((id) => this.claims.get(id)!);
    const { source, target, type } = relationBetween(claims[0]!.subject, claims[0]!.type, claims[0]!.object);
    this.relations.set({ key, source, target, attributes: relationAttributes(type, claims) });
  }

  /** Each actor with claims and how many: with no filter, an actor's weight in the overview. */
  claimCounts(): Iterable<[string, number]> {
    return [...this.claimsByActor].map(([id, claims]) => [id, claims.size]);
  }

  /** How many claims name the actor as subject or object (ingest refuses a claim naming one actor twice). */
  claimCount(actorId: string): number {
    return this.claimsByActor.get(actorId)?.size ?? 0;
  }

  /** The claim with this id, if the store holds one. */
  findClaim(id: string): ClaimRecord | undefined {
    return this.claims.has(id) ? this.claim(id) : undefined;
  }

  claim(id: string): ClaimRecord {
    const claim = this.claims.get(id)!;
    return { ...claim, quote: this.documents.get(claim.document)!.text.slice(claim.start, claim.end) };
  }

  /** A document's claims, in evidence order. */
  claimsOfDocument(id: string): ClaimRecord[] {
    return (this.claimsByDocument.get(id) ?? []).map((c) => this.claim(c));
  }

  /** Claims with either end at `actorId`. */
  claimsOfActor(actorId: string): ClaimRecord[] {
    return this.claimsTouching([actorId]);
  }

  /** Claims with either end among `actorIds`, each once. */
  claimsTouching(actorIds: Iterable<string>): ClaimRecord[] {
    const ids = new Set<string>();
    for (const actor of actorIds) for (const id of this.claimsByActor.get(actor) ?? []) ids.add(id);
    return [...ids].map((id) => this.claim(id));
  }

  /** Every claim, in evidence order (documents by id, each document's claims in order). */
  *allClaims(): Generator<ClaimRecord> {
    for (const document of this.documentOrder()) for (const id of this.claimsByDocument.get(document)!) yield this.claim(id);
  }

  /** `limit` claims from `offset` in evidence order, skipping whole documents before it. */
  claimsPage(offset: number, limit: number): ClaimRecord[] {
    const page: ClaimRecord[] = [];
    let skip = offset;
    for (const document of this.documentOrder()) {
      const ids = this.claimsByDocument.get(document)!;
      if (skip >= ids.length) {
        skip -= ids.length;
        continue;
      }
      for (const id of ids.slice(skip, skip + limit - page.length)) page.push(this.claim(id));
      skip = 0;
      if (page.length === limit) break;
    }
    return page;
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

const relationKey = (claim: StoredClaim): string => relationBetween(claim.subject, claim.type, claim.object).key;

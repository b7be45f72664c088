/**
 * GraphStore: the one seam between the API (and CLI) and storage. Two implementations,
 * embedded (graphology + journal) and Neo4j, pass one contract suite (tests/store).
 * Graph shaping — aggregation, neighbourhoods, paths, comparison — is shared code in
 * server/graph over these primitives, so both stores answer alike.
 */
import type {
  Actor,
  ActorDetail,
  ActorHit,
  ActorKind,
  ClaimFilters,
  ClaimQuery,
  ClaimRecord,
  ClaimView,
  DocumentRecord,
  DocumentSummary,
  StoreHealth,
  StoreKind,
  UpsertOutcome,
} from '../domain/index.ts';
import type { ActorListOptions, ActorPage } from '../domain/actor-list.ts';

export interface DocumentUpsert {
  document: DocumentRecord;
  claims: ClaimRecord[];
  /** Every actor the claims name (a document's claims never point at unknown actors). */
  actors: Actor[];
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Connect, apply schema or replay the journal. */
  open(): Promise<void>;
  close(): Promise<void>;
  /** Never throws: an unreachable store reports reachable=false. */
  health(): Promise<StoreHealth>;

  /** The gazetteer: insert or update actors (by id). Returns how many changed. */
  putActors(actors: Actor[]): Promise<number>;
  /**
   * A document with its claims, all or nothing. Replaces the document's previous claims;
   * `unchanged` (and no write) when the stored hash equals document.hash.
   */
  putDocument(upsert: DocumentUpsert): Promise<UpsertOutcome>;
  /**
   * Many documents in one store round trip (bulk ingest). Each document is checked as
   * putDocument checks it, before anything of the batch is written: a bad document throws
   * InvalidInput naming it and nothing of the batch is written (the caller retries one by one
   * to isolate it). Outcomes in input order. A document id may appear once per batch.
   */
  putDocuments(upserts: DocumentUpsert[]): Promise<UpsertOutcome[]>;

  listDocuments(): Promise<DocumentSummary[]>;
  /** Throws NotFound. */
  getDocument(id: string): Promise<DocumentRecord>;

  /** Alias-aware, case- and accent-insensitive, prefix and substring; best first. */
  searchActors(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]>;
  /** Every actor, paged: by degree (distinct other actors a claim links it to) or by name. */
  listActors(options: ActorListOptions): Promise<ActorPage>;
  /** Throws NotFound. */
  getActor(id: string): Promise<ActorDetail>;

  /** Evidence, paged, ordered by document then start offset. */
  findClaims(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }>;
  /** Every claim passing the filters (for graph building), in the same order. */
  allClaims(filters: ClaimFilters): Promise<ClaimView[]>;
  /** Claims passing the filters with either end in `actorIds` (one expansion step). */
  claimsTouching(actorIds: string[], filters: ClaimFilters): Promise<ClaimView[]>;
}

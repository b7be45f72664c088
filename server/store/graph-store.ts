/**
 * GraphStore: the one seam between the API (and CLI) and storage. Two implementations,
 * embedded (typed columns + journal) and Neo4j, pass one contract suite (tests/store).
 * Both keep every relation's aggregate at write time and answer graph reads from relations,
 * not claims; the rules (aggregation, neighbourhood, overview, paths) are stated once in
 * server/graph, which the embedded store runs in memory and the Neo4j store mirrors in
 * cypher/. Every read is bounded by what it shows, except allClaims (exports).
 */
import type {
  Actor,
  ActorDetail,
  ActorHit,
  ActorKind,
  ClaimChange,
  ClaimFilters,
  ClaimQuery,
  ClaimRecord,
  ClaimView,
  DocumentRecord,
  GraphFilters,
  SerializedGraph,
  DocumentSummary,
  HistoryEntry,
  Rejection,
  StoreHealth,
  StoreKind,
  UpsertOutcome,
} from '../domain/index.ts';
import type { ActorListOptions, ActorPage } from '../domain/actor-list.ts';
import type { NeighborhoodOptions } from '../graph/neighborhood.ts';
import type { GraphBounds } from '../graph/overview.ts';
import type { PathOptions } from '../graph/paths.ts';

export interface DocumentUpsert {
  document: DocumentRecord;
  claims: ClaimRecord[];
  /** Every actor the claims name (a document's claims never point at unknown actors). */
  actors: Actor[];
  /** Extracted claims an analyst rejected (a claims file's `rejected:`): kept with the document's rejections. */
  rejected?: Rejection[];
}

export interface PutOptions {
  /**
   * The upserts are server/ingest's own (prepareDocument, assembleDocument), built from files
   * or a submission it validated against the domain schemas: a store may skip its schema parse
   * of them. The checks against what the store holds (upsert-checks.ts) still run.
   */
  prepared?: boolean;
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
   * `unchanged` (and no write) when the stored hash equals document.hash. An extracted claim
   * the document's rejections name (rejectClaim, or `rejected`) is not stored: a rejected
   * candidate stays rejected when the document is extracted again.
   */
  putDocument(upsert: DocumentUpsert): Promise<UpsertOutcome>;
  /**
   * Many documents in one store round trip (bulk ingest). Each document is checked as
   * putDocument checks it, before anything of the batch is written: a bad document throws
   * InvalidInput naming it and nothing of the batch is written (the caller retries one by one
   * to isolate it). Outcomes in input order. A document id may appear once per batch.
   */
  putDocuments(upserts: DocumentUpsert[], options?: PutOptions): Promise<UpsertOutcome[]>;

  listDocuments(): Promise<DocumentSummary[]>;
  /** Throws NotFound. */
  getDocument(id: string): Promise<DocumentRecord>;
  /** The ids among `ids` that name no stored document, in their order (a request's filter check). */
  missingDocuments(ids: string[]): Promise<string[]>;

  /** Alias-aware, case- and accent-insensitive, prefix and substring; best first; with each actor's claim count. */
  searchActors(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]>;
  /** Every actor, paged: by degree (distinct other actors a claim links it to) or by name. */
  listActors(options: ActorListOptions): Promise<ActorPage>;
  /** Throws NotFound. */
  getActor(id: string): Promise<ActorDetail>;

  /** Evidence, paged (the count and one page, never every claim), ordered by document then start offset. */
  findClaims(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }>;
  /** The claims of some documents passing the filters, in evidence order (a document, compare). */
  documentClaims(documents: string[], filters: ClaimFilters): Promise<ClaimView[]>;
  /** Every claim passing the filters, in evidence order: for exports only, which ask for everything. */
  allClaims(filters: ClaimFilters): Promise<ClaimView[]>;

  /** The graph the filters admit within `bounds` (server/graph/overview.ts), with totals. */
  graph(filters: GraphFilters, bounds: GraphBounds): Promise<SerializedGraph>;
  /** An actor's ego graph (server/graph/neighborhood.ts). Throws NotFound. */
  neighborhood(center: string, options: NeighborhoodOptions): Promise<SerializedGraph>;
  /** The shortest paths between two actors (server/graph/paths.ts). Throws NotFound, or InvalidInput for one actor twice. */
  paths(from: string, to: string, options: PathOptions): Promise<SerializedGraph>;

  // The analyst's writes (issue 12). Requests are planned into ClaimChanges once, for both
  // stores, in server/store/claim-changes.ts; a store applies each atomically and keeps
  // relation aggregates, history, rejections and added actors.

  /** One claim as it is now, with its revision. Throws NotFound (also for a retracted or replaced id). */
  getClaim(id: string): Promise<ClaimView>;
  /**
   * Applies one change all or nothing, serialised with every other write to its document:
   * checks (checkHeld) that `expected` is still the stored claim at that revision and the new
   * claim's id is free, else throws Conflict; removes the expected claim, puts `claim`,
   * recomputes the touched relations, records the history entry (with `after`, the new
   * claim's view) and keeps the rejection. Returns the new claim's view, or the removed one's.
   */
  changeClaim(change: ClaimChange): Promise<ClaimView>;
  /**
   * Every recorded change of the claim this id belongs to, through every id it had, oldest
   * first; [] for a claim never changed. Throws NotFound for an id no claim ever had.
   */
  claimHistory(id: string): Promise<HistoryEntry[]>;
  /** The rejections of these documents, by document then claim id. */
  rejections(documents: string[]): Promise<Rejection[]>;
  /**
   * An analyst's new actor into the gazetteer (search, later ingests, the seeds export).
   * Throws Conflict when its id is taken or a name or alias of it names another actor.
   */
  addActor(actor: Actor): Promise<void>;
  /** The actors analysts added (addActor), by id. */
  addedActors(): Promise<Actor[]>;
}

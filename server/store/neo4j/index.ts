/**
 * The Neo4j GraphStore: actors (:Actor plus a kind label), documents (:Document) and claims
 * as nodes (:Claim) linked to both ends and to their document; the model and every query are
 * in cypher/ (see cypher/README.md). Reads answer exactly as the embedded store does: same
 * filters (server/store/claim-filter.ts), order, shapes and search ranking.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  Actor,
  type ActorDetail,
  ActorRef,
  Certainty,
  CertaintyCounts,
  ClaimChange as ClaimChangeSchema,
  type HistoryEntry,
  type Rejection,
  ActorHit,
  type ActorKind,
  admitsReliability,
  type ClaimFilters,
  type ClaimQuery,
  ClaimView,
  DocumentRecord,
  DocumentSummary,
  EdgeAttributes,
  type GraphFilters,
  lowerBound,
  RelationType,
  Reliability,
  type SerializedGraph,
  type StoreHealth,
  type UpsertOutcome,
  upperBound,
} from '../../domain/index.ts';
import { NotFound, StoreUnavailable } from '../../errors.ts';
import { mergeAttributes, relationBetween, relationEnds } from '../../graph/aggregate.ts';
import { expandNeighborhood, HORIZON, NEIGHBOURHOOD_EDGES, neighborhoodGraph, type NeighborhoodOptions, strongestAround } from '../../graph/neighborhood.ts';
import { type GraphBounds, overview, overviewGraph } from '../../graph/overview.ts';
import { checkPathEnds, MAX_PATHS, type PathOptions, pathsGraph, rankPaths } from '../../graph/paths.ts';
import { RelationIndex } from '../../graph/relation-index.ts';
import { claimLevelFilters, hasRelationFilters, type RelationRow, relationPredicate, rowsFromClaims } from '../../graph/relations.ts';
import { compactName, normalizeName } from '../../ingest/alias-index.ts';
import { createLogger } from '../../log.ts';
import type { DocumentUpsert, GraphStore } from '../graph-store.ts';
import { ActorList, checkDistinctDocuments, checkReferences, checkUniqueActors, DocumentUpsertInput } from '../upsert-checks.ts';
import { parseOrThrow } from '../../validate.ts';
import { type ActorListOptions, ActorPage } from '../../domain/actor-list.ts';
import * as annotations from './annotations.ts';
import { type WriteParts, withoutRejected } from './annotations.ts';
import { fulltextQuery } from './fulltext-query.ts';
import { HELD_ROWS, ReadCache, sharedCheck } from '../read-cache.ts';
import { actorNode, claimNode, documentNode, RANKED_FROM, relationProps } from './rows.ts';
import { CypherSession, mapDriverError, schemaQueries, type Transaction } from './session.ts';

export interface Neo4jStoreOptions {
  uri: string;
  user?: string;
  /** Empty or absent: no authentication. */
  password?: string;
  database?: string;
  /** How long open() keeps retrying an unreachable server (exponential backoff). */
  connectTimeoutMs?: number;
  /** How long the driver retries a transaction that failed transiently (a server restart, say). */
  retryTimeMs?: number;
  /** Answers held until the next commit (../read-cache.ts); 0 holds none. */
  heldAnswers?: number;
  logger?: Logger;
}


const Counts = z.object({ documents: z.number(), actors: z.number(), claims: z.number() });
const DocumentState = z.object({
  id: z.string(),
  hash: z.string().optional(),
  owners: z.array(z.object({ claim: z.string(), document: z.string() })),
  relations: z.array(z.string()),
  actors: z.array(z.string()),
});
const EvidenceFields = z.object({
  subject: z.string(),
  type: RelationType,
  object: z.string(),
  document: z.string(),
  certainty: Certainty,
  when: z.string().optional(),
});
type EvidenceFields = z.infer<typeof EvidenceFields>;
const ClaimPage = z.object({ total: z.number(), items: z.array(ClaimView), evidence: z.array(EvidenceFields), refs: z.array(ActorRef) });
const ActorRow = z.object({ actor: Actor, types: z.array(RelationType), documents: z.array(z.string()) });
const ActorRefRow = z.object({ actor: ActorRef });

/**
 * A relation as stored: its aggregate flat on the relationship (Neo4j properties hold no maps),
 * checked as one flat object with the certainty counts beside the rest, then regrouped. Checking
 * a loose object and parsing each aggregate again after regrouping took a hub neighbourhood's
 * JavaScript time several times over; one plain object schema per row is checked in one pass.
 */
const FlatRelation = z.object({
  source: z.string(),
  target: z.string(),
  relation: EdgeAttributes.omit({ certainty: true, side: true }).extend({ key: z.string(), ...CertaintyCounts.shape }),
});

/** A checked flat relation with its certainty counts grouped, as the graph code takes it. */
function regrouped({ source, target, relation }: z.infer<typeof FlatRelation>): RelationRow {
  const attributes: Record<string, unknown> = {};
  const certainty: Record<string, number> = {};
  for (const field in relation) {
    if (field === 'key') continue;
    const value = relation[field as keyof typeof relation];
    if (field in CertaintyCounts.shape) certainty[field] = value as number;
    else attributes[field] = value;
  }
  attributes.certainty = certainty;
  return { key: relation.key, source, target, attributes: attributes as EdgeAttributes };
}

/** One relation per record. */
const StoredRelation = FlatRelation.transform(regrouped);
/**
 * A list of relations in one record, regrouped once the whole list is checked: a transform per
 * row (zod runs each as a pipe) cost more than checking the rows (a hub neighbourhood's 150).
 */
const StoredRelations = z.array(FlatRelation).transform((rows) => rows.map(regrouped));

/** Relations with the drawing of the actors a response shows. */
const RowsWithRefs = z.object({ rows: StoredRelations, refs: z.array(ActorRef) });
/** A neighbourhood: the shown rows, what was left out and the kept actors' drawing (neighborhood.cypher). */
const NeighborhoodRows = RowsWithRefs.extend({ omittedNodes: z.number(), omittedEdges: z.number(), beyondHorizon: z.boolean() });
/** The shortest paths, the relations along them and their actors' drawing (paths.cypher). */
const PathRows = RowsWithRefs.extend({ fromExists: z.boolean(), toExists: z.boolean(), paths: z.array(z.array(z.string())) });
/** The unfiltered overview: its rows, the totals they were chosen from and their actors' drawing (overview.cypher). */
const OverviewRows = RowsWithRefs.extend({ totalNodes: z.number(), totalEdges: z.number() });
/** A search hit (search-actors.cypher). */
const SearchRow = z.object({ hit: ActorHit });

/** What actor-tops.cypher merges into each touched actor's ranking: its relations put (with their claims) and dropped. */
function rankingChanges(put: RelationRow[], dropped: string[]) {
  const changes = new Map<string, { actor: string; changed: { key: string; claims: number }[]; dropped: string[] }>();
  const of = (actor: string) => {
    let change = changes.get(actor);
    if (!change) changes.set(actor, (change = { actor, changed: [], dropped: [] }));
    return change;
  };
  for (const { key, source, target, attributes } of put) for (const end of [source, target]) of(end).changed.push({ key, claims: attributes.claims });
  for (const key of dropped) for (const end of relationEnds(key)) of(end).dropped.push(key);
  return [...changes.values()];
}

/** True when the stored actor (if any) is the given one. */
function sameActor(stored: Actor | undefined, actor: Actor): boolean {
  return stored !== undefined && JSON.stringify(stored) === JSON.stringify(Actor.parse(actor));
}

/** The relation-level filter parameters (relationPredicate); absent ones are null. */
function relationParams({ types, kinds, minClaims, minDocuments }: GraphFilters) {
  return { types, kinds, minClaims, minDocuments };
}

/** The claims.cypher parameters for a filter set; absent filters are null. */
function filterParams(filters: ClaimFilters) {
  const dated = filters.from !== undefined || filters.to !== undefined;
  return {
    documents: filters.documents,
    types: filters.types,
    certainty: filters.certainty,
    kinds: filters.kinds,
    origin: filters.origin,
    fromDay: dated ? lowerBound(filters.from ?? '..') : undefined,
    toDay: dated ? upperBound(filters.to ?? '..') : undefined,
    grades: filters.reliability && Reliability.options.filter((grade) => admitsReliability(filters.reliability!, grade)),
  };
}

/** Which claims a read is about, beside the filters (claims.cypher). */
interface Selection {
  document?: string;
  type?: RelationType;
  actor?: string;
  /** Claims with either end among these actors. */
  touching?: string[];
  subject?: string;
  object?: string;
  undirected?: boolean;
}

/** The selections a pivot reads exactly: the claims of a document, or those naming an actor (or any of several). */
const PIVOTED = new Set<keyof Selection>(['document', 'actor', 'touching']);

/**
 * Where claims.cypher takes its candidates: the narrowest index the read names, else every
 * document. `exact` when the candidates are the answer, every one of them: no filter, and no
 * selection beyond the one the pivot reads; the query then tests no candidate.
 */
function pivot(s: Selection, filters: ClaimFilters) {
  const none = { scanFrom: undefined as string | undefined, pivotDocuments: undefined as string[] | undefined, pivotActors: undefined as string[] | undefined };
  const { documents, ...others } = filterParams(filters);
  const selected = (Object.keys(s) as (keyof Selection)[]).filter((key) => key !== 'undirected' && s[key] !== undefined);
  const exact =
    Object.values(others).every((value) => value === undefined) &&
    (selected.length === 0 || (selected.length === 1 && documents === undefined && PIVOTED.has(selected[0]!)));
  if (s.document !== undefined) return { ...none, exact, pivotDocuments: [s.document] };
  if (s.touching) return { ...none, exact, pivotActors: s.touching };
  const actor = s.actor ?? s.subject ?? s.object;
  if (actor !== undefined) return { ...none, exact, pivotActors: [actor] };
  if (documents) return { ...none, exact, pivotDocuments: documents };
  return { ...none, exact, scanFrom: '' };
}

/** A LIMIT that admits every match (Cypher's LIMIT takes no null). */
const UNLIMITED = 2 ** 31 - 1;

/** Actors' drawings by id. */
function lookup(refs: ActorRef[]): (id: string) => ActorRef {
  const byId = new Map(refs.map((ref) => [ref.id, ref]));
  return (id) => byId.get(id)!;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly cypher: CypherSession;
  /** Searches, neighbourhoods, bounded graphs, paths and claim pages, held until the next write to the database (../read-cache.ts); concurrent requests share one check of the last commit. */
  private readonly cached: ReadCache;
  private readonly log: Logger;
  private readonly connectTimeoutMs: number;
  /**
   * Ids found to name a stored document. No write removes a document (only clearAll, for tests,
   * which empties this too), so an id once found stays found: a request filtering by documents
   * asks Neo4j only about ids it has not seen. Bounded by the documents stored.
   */
  private readonly knownDocuments = new Set<string>();

  constructor({ uri, user = 'neo4j', password, database, connectTimeoutMs = 30_000, retryTimeMs = 5_000, heldAnswers, logger }: Neo4jStoreOptions) {
    this.driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, {
      connectionTimeout: 5_000,
      maxTransactionRetryTime: retryTimeMs,
      // Integers arrive as JS numbers (every stored integer is a count or an offset, far below
      // 2^53): no Integer object per value to allocate and convert.
      disableLosslessIntegers: true,
    });
    this.cypher = new CypherSession(this.driver, database, retryTimeMs);
    const lastCommit = sharedCheck(() => this.cypher.latestCommit());
    this.cached = new ReadCache(lastCommit, heldAnswers, lastCommit.lastSeen);
    this.log = logger ?? createLogger();
    this.connectTimeoutMs = connectTimeoutMs;
  }

  /** Waits for the server (retrying with backoff up to connectTimeoutMs), then applies the schema. */
  async open(): Promise<void> {
    const deadline = Date.now() + this.connectTimeoutMs;
    for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
      try {
        await this.driver.verifyConnectivity();
        break;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (Date.now() + wait > deadline) throw new StoreUnavailable(`Neo4j is unreachable: ${message}`);
        this.log.warn({ retryInMs: wait, error: message }, 'Neo4j not reachable yet');
        await delay(wait);
      }
    }
    for (const name of await schemaQueries()) await this.cypher.write(name, {});
    this.log.info({ counts: await this.counts() }, 'neo4j store opened');
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.driver.verifyConnectivity();
      return { store: 'neo4j', reachable: true, counts: await this.counts() };
    } catch (error) {
      const mapped = mapDriverError(error);
      return { store: 'neo4j', reachable: false, error: mapped instanceof Error ? mapped.message : String(mapped) };
    }
  }

  async putActors(input: Actor[]): Promise<number> {
    const actors = parseOrThrow(ActorList, input, 'actors');
    checkUniqueActors(actors);
    if (actors.length === 0) return 0;
    const [row] = await this.cypher.writeTransaction((tx) => this.upsertActors(tx, actors));
    return row?.changed ?? 0;
  }

  async putDocument(input: DocumentUpsert): Promise<UpsertOutcome> {
    const [outcome] = await this.putDocuments([input]);
    return outcome!;
  }

  /**
   * One transaction for the batch, a fixed number of queries whatever its size: the state of
   * every document (locking them), the checks, then actors, claims and the recomputed
   * aggregates of every relation the batch touches (cypher/README.md, Writes).
   */
  async putDocuments(inputs: DocumentUpsert[]): Promise<UpsertOutcome[]> {
    checkDistinctDocuments(inputs);
    const upserts = inputs.map((input) => parseOrThrow(DocumentUpsertInput, input, `document '${input.document?.id}'`));
    if (upserts.length === 0) return [];
    return this.cypher.writeTransaction(async (tx) => {
      const actorIds = upserts.map(({ claims }) => [...new Set(claims.flatMap((c) => [c.subject, c.object]))]);
      const rows = await tx.run(
        'documents-state',
        { documents: upserts.map(({ document, claims }) => ({ id: document.id, claimIds: claims.map((c) => c.id) })) },
        DocumentState,
      );
      const states = new Map(rows.map((row) => [row.id, row]));
      const storedActors = await tx.run('actors-stored', { ids: [...new Set(actorIds.flat())] }, z.object({ actor: Actor }));
      const known = new Map(storedActors.map(({ actor }) => [actor.id, actor]));
      for (const upsert of upserts) {
        const state = states.get(upsert.document.id)!;
        const owners = new Map(state.owners.map((o) => [o.claim, o.document]));
        checkReferences(upsert, { hasActor: (id) => known.has(id), claimOwner: (id) => owners.get(id) });
      }
      const outcomes = upserts.map(({ document }): UpsertOutcome => {
        const stored = states.get(document.id)!.hash;
        return stored === document.hash ? 'unchanged' : stored === undefined ? 'created' : 'updated';
      });
      if (outcomes.every((o) => o === 'unchanged')) return outcomes;
      const changed = await withoutRejected(
        tx,
        upserts.filter((_, i) => outcomes[i] !== 'unchanged'),
      );

      // Only actors that are new or differ from the stored ones are written (bulk ingest puts
      // the gazetteer first, so a document's actors are nearly always stored already).
      const actors = new Map(
        changed.flatMap((u) => u.actors.filter((a) => !sameActor(known.get(a.id), a)).map((a) => [a.id, a] as const)),
      );
      if (actors.size > 0) await this.upsertActors(tx, [...actors.values()]);
      // A document that held no claims only adds evidence to the relations it names: their
      // aggregates are merged with its claims' (added). A document replacing claims may take
      // evidence away: the relations it touched or touches are recomputed from their claims.
      const recomputed = new Set<string>();
      const added = new Map<string, EvidenceFields[]>();
      const touchedActors = new Set<string>();
      for (const { document, claims } of changed) {
        const state = states.get(document.id)!;
        const replacing = state.relations.length > 0;
        state.relations.forEach((key) => recomputed.add(key));
        state.actors.forEach((id) => touchedActors.add(id));
        for (const claim of claims) {
          const key = relationBetween(claim.subject, claim.type, claim.object).key;
          if (replacing) recomputed.add(key);
          touchedActors.add(claim.subject).add(claim.object);
        }
      }
      for (const { document, claims } of changed) {
        if (states.get(document.id)!.relations.length > 0) continue;
        for (const { subject, type, object, certainty, when } of claims) {
          const key = relationBetween(subject, type, object).key;
          if (recomputed.has(key)) continue;
          let evidence = added.get(key);
          if (!evidence) added.set(key, (evidence = []));
          evidence.push({ subject, type, object, document: document.id, certainty, ...(when !== undefined ? { when } : {}) });
        }
      }
      await tx.run('lock-actors', { ids: [...touchedActors] }, z.unknown());
      await tx.run(
        'put-documents',
        { documents: changed.map(({ document, claims }) => ({ document: documentNode(document), claims: claims.map(claimNode) })) },
        z.unknown(),
      );
      await this.writeRelations(tx, recomputed, added, touchedActors);
      return outcomes;
    });
  }

  /** The aggregates of these relations and the claim counts of these actors, from the claims the transaction holds now. */
  private recomputeRelations(tx: Transaction, keys: Iterable<string>, actors: Iterable<string>): Promise<void> {
    return this.writeRelations(tx, new Set(keys), new Map(), actors);
  }

  /**
   * Writes relation aggregates: those of `recomputed` from the claims the transaction holds now
   * (relation-evidence), those `added` names by merging the stored aggregate with the evidence
   * of documents new to the relation (mergeAttributes: no claim is read); then the touched
   * actors' claim counts and rankings. The stored aggregates also say which relations exist:
   * those are updated through the relation_key index, the others created, none merged (the
   * actor locks taken before keep a concurrent put from creating one in between).
   */
  private async writeRelations(tx: Transaction, recomputed: Set<string>, added: Map<string, EvidenceFields[]>, actors: Iterable<string>): Promise<void> {
    const touchedKeys = [...recomputed];
    const stored = await tx.run('relations-stored', { keys: [...touchedKeys, ...added.keys()] }, StoredRelation);
    const before = new Map(stored.map((row) => [row.key, row]));
    const evidence = touchedKeys.length > 0 ? await tx.run('relation-evidence', { keys: touchedKeys }, z.object({ claim: EvidenceFields })) : [];
    const relations = rowsFromClaims(evidence.map((row) => row.claim));
    const kept = new Set(relations.map((r) => r.key));
    const dropped = touchedKeys.filter((key) => !kept.has(key) && before.has(key));
    for (const row of rowsFromClaims([...added.values()].flat())) {
      const old = before.get(row.key);
      relations.push(old ? { ...row, attributes: mergeAttributes(old.attributes, row.attributes) } : row);
    }
    await tx.run(
      'put-relations',
      {
        dropped,
        updated: relations.filter((row) => before.has(row.key)).map(relationProps),
        created: relations.filter((row) => !before.has(row.key)).map((row) => ({ source: row.source, target: row.target, props: relationProps(row) })),
        actors: [...actors],
      },
      z.unknown(),
    );
    await tx.run('actor-tops', { changes: rankingChanges(relations, dropped), horizon: HORIZON, rankedFrom: RANKED_FROM }, z.unknown());
  }

  private readonly writeParts: WriteParts = {
    claimNode,
    actorNode,
    recomputeRelations: (tx, keys, actors) => this.recomputeRelations(tx, keys, actors),
  };

  getClaim(id: string): Promise<ClaimView> {
    return annotations.getClaim(this.cypher, id);
  }

  changeClaim(change: ClaimChangeSchema): Promise<ClaimView> {
    return annotations.changeClaim(this.cypher, this.writeParts, parseOrThrow(ClaimChangeSchema, change, 'claim change'));
  }

  claimHistory(id: string): Promise<HistoryEntry[]> {
    return annotations.claimHistory(this.cypher, id);
  }

  rejections(documents: string[]): Promise<Rejection[]> {
    return annotations.rejections(this.cypher, documents);
  }

  addActor(actor: Actor): Promise<void> {
    return annotations.addActor(this.cypher, this.writeParts, parseOrThrow(Actor, actor, 'actor'));
  }

  addedActors(): Promise<Actor[]> {
    return annotations.addedActors(this.cypher);
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const rows = await this.cypher.read('documents', {}, z.object({ document: DocumentSummary }));
    return rows.map((r) => r.document);
  }

  async getDocument(id: string): Promise<DocumentRecord> {
    const [row] = await this.cypher.read('document', { id }, z.object({ document: DocumentRecord }));
    if (!row) throw new NotFound('document', id);
    return row.document;
  }

  async missingDocuments(ids: string[]): Promise<string[]> {
    const unknown = [...new Set(ids)].filter((id) => !this.knownDocuments.has(id));
    if (unknown.length > 0) {
      const found = await this.cypher.read('documents-exist', { ids: unknown }, z.object({ id: z.string() }));
      for (const { id } of found) this.knownDocuments.add(id);
    }
    return ids.filter((id) => !this.knownDocuments.has(id));
  }

  async searchActors(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]> {
    const compact = compactName(q);
    if (!compact) return [];
    return this.cached.hold(`search\n${JSON.stringify([q, options.kinds, options.limit])}`, () => this.readSearch(q, compact, options));
  }

  private async readSearch(q: string, compact: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]> {
    const rows = await this.cypher.read(
      'search-actors',
      { words: fulltextQuery(q), compact, normal: normalizeName(q), kinds: options.kinds, limit: options.limit },
      SearchRow,
    );
    return rows.map((row) => row.hit);
  }

  async listActors({ kinds, sort, limit, offset }: ActorListOptions): Promise<ActorPage> {
    const [page] = await this.cypher.read('list-actors', { kinds, sort, limit, offset }, ActorPage);
    return page!;
  }

  async getActor(id: string): Promise<ActorDetail> {
    const [row] = await this.cypher.read('actor', { id }, ActorRow);
    if (!row) throw new NotFound('actor', id);
    const byType: ActorDetail['byType'] = {};
    const byDocument: ActorDetail['byDocument'] = {};
    for (const type of row.types) byType[type] = (byType[type] ?? 0) + 1;
    for (const document of row.documents) byDocument[document] = (byDocument[document] ?? 0) + 1;
    return { ...row.actor, claims: row.types.length, byType, byDocument };
  }

  findClaims(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }> {
    return this.cached.hold(`claims\n${JSON.stringify(query)}`, () => this.readClaimPage(query));
  }

  private async readClaimPage(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }> {
    const { subject, object, actor, type, document, undirected, limit, offset, ...filters } = query;
    const { total, items } = await this.claims(filters, { subject, object, actor, type, document, undirected }, offset, limit);
    return { total, items };
  }

  async documentClaims(documents: string[], filters: ClaimFilters): Promise<ClaimView[]> {
    const within = filters.documents ? documents.filter((id) => filters.documents!.includes(id)) : documents;
    return this.allClaims({ ...filters, documents: within });
  }

  async allClaims(filters: ClaimFilters): Promise<ClaimView[]> {
    return (await this.claims(filters, {}, 0, undefined)).items;
  }

  graph(filters: GraphFilters, bounds: GraphBounds): Promise<SerializedGraph> {
    // An export asks for the whole graph: never held.
    if (bounds.maxEdges > HELD_ROWS) return this.readGraph(filters, bounds);
    return this.cached.hold(`graph\n${JSON.stringify([filters, bounds])}`, () => this.readGraph(filters, bounds));
  }

  private async readGraph(filters: GraphFilters, bounds: GraphBounds): Promise<SerializedGraph> {
    const claimFilters = claimLevelFilters(filters);
    const relationFiltered = Object.values(relationParams(filters)).some((value) => value !== undefined);
    let answer;
    // The drawing of the actors shown comes with the rows when the query can tell them (an
    // overview, or the claims of named documents); else from a second round trip.
    let refs: ActorRef[] | undefined;
    if (claimFilters) {
      const admitted = await this.admittedRelations(filters, claimFilters, {}, claimFilters.documents !== undefined);
      answer = overview(admitted.rows, bounds);
      refs = admitted.refs;
    } else if (relationFiltered) answer = overview(await this.cypher.read('relations', relationParams(filters), StoredRelation), bounds);
    else {
      [answer] = await this.cypher.read('overview', { ...bounds }, OverviewRows);
      refs = answer!.refs;
    }
    return overviewGraph(answer!, refs ? lookup(refs) : await this.refs(answer!.rows));
  }

  neighborhood(center: string, options: NeighborhoodOptions): Promise<SerializedGraph> {
    return this.cached.hold(`neighborhood\n${JSON.stringify([center, options])}`, () => this.readNeighborhood(center, options));
  }

  private async readNeighborhood(center: string, { depth, limit, maxEdges = NEIGHBOURHOOD_EDGES, filters }: NeighborhoodOptions): Promise<SerializedGraph> {
    const claimFilters = claimLevelFilters(filters);
    if (claimFilters) {
      await this.requireActors([center]);
      const found = await expandNeighborhood(center, { depth, limit, maxEdges }, async (ids) =>
        strongestAround(ids, (await this.admittedRelations(filters, claimFilters, { touching: ids })).rows),
      );
      return neighborhoodGraph(center, found, await this.refs(found.rows, [center]));
    }
    // Relation-level filters only: the rings, the shown relations and what was left out are
    // chosen in one query, so only the shown relations leave the database.
    const [found] = await this.cypher.read(
      'neighborhood',
      { center, depth, limit, maxEdges, horizon: HORIZON, filtered: hasRelationFilters(filters), ...relationParams(filters) },
      NeighborhoodRows,
    );
    if (!found) throw new NotFound('actor', center);
    return neighborhoodGraph(center, { nodes: found.refs.map((ref) => ref.id), ...found }, lookup(found.refs));
  }

  paths(from: string, to: string, options: PathOptions): Promise<SerializedGraph> {
    return this.cached.hold(`paths\n${JSON.stringify([from, to, options])}`, () => this.readPaths(from, to, options));
  }

  private async readPaths(from: string, to: string, { maxLength, k, filters }: PathOptions): Promise<SerializedGraph> {
    checkPathEnds(from, to);
    const claimFilters = claimLevelFilters(filters);
    if (claimFilters) {
      await this.requireActors([from, to]);
      const index = RelationIndex.of((await this.admittedRelations(filters, claimFilters, {})).rows);
      const ranked = index.paths(from, to, { maxLength, k }, () => true);
      return pathsGraph(ranked, await this.refs(ranked.rows));
    }
    const [found] = await this.cypher.read('paths', { from, to, maxLength, maxPaths: MAX_PATHS, ...relationParams(filters) }, PathRows);
    if (!found!.fromExists) throw new NotFound('actor', from);
    if (!found!.toExists) throw new NotFound('actor', to);
    return pathsGraph(rankPaths(found!.paths, found!.rows, k), lookup(found!.refs));
  }

  /**
   * The relations of the claims a claim-level filter admits, aggregated, passing the
   * relation-level filters too; `withRefs`: with the drawing of every end of those claims.
   */
  private async admittedRelations(
    filters: GraphFilters,
    claimFilters: ClaimFilters,
    { touching }: { touching?: string[] },
    withRefs = false,
  ): Promise<{ rows: RelationRow[]; refs?: ActorRef[] }> {
    const { evidence, refs } = await this.claims(claimFilters, { touching }, 0, undefined, withRefs ? 'evidence and refs' : 'evidence');
    // Kinds and types are applied with the claims; the thresholds apply to the aggregates.
    const { minClaims, minDocuments } = filters;
    const rows = rowsFromClaims(evidence).filter(relationPredicate({ minClaims, minDocuments }, () => undefined));
    return withRefs ? { rows, refs } : { rows };
  }

  /** Throws NotFound naming the first id that is not an actor. */
  private async requireActors(ids: string[]): Promise<void> {
    const found = new Set((await this.cypher.read('actor-exists', { ids }, z.object({ id: z.string() }))).map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new NotFound('actor', missing);
  }

  /** The drawing of every end of `rows` (and of `alone`), by id. */
  private async refs(rows: RelationRow[], alone: string[] = []): Promise<(id: string) => ActorRef> {
    const ids = [...new Set([...alone, ...rows.flatMap((r) => [r.source, r.target])])];
    return lookup((await this.cypher.read('actor-refs', { ids }, ActorRefRow)).map((r) => r.actor));
  }

  /** Empties the database. For tests, which share one Neo4j: never called by the application. */
  async clearAll(): Promise<void> {
    this.knownDocuments.clear();
    await this.cypher.write('clear-all', {});
  }

  /**
   * Every parameter of claims.cypher is passed; an absent one as null. Without a limit every
   * match is returned; `read` says whether as claims, or as evidence (with the ends' drawing).
   */
  private async claims(
    filters: ClaimFilters,
    s: Selection,
    offset: number,
    limit: number | undefined,
    read: 'claims' | 'evidence' | 'evidence and refs' = 'claims',
  ): Promise<z.infer<typeof ClaimPage>> {
    const evidence = read !== 'claims';
    const selection = {
      document: s.document,
      type: s.type,
      actor: s.actor,
      touching: s.touching,
      subject: s.subject,
      object: s.object,
      undirected: s.undirected === true,
    };
    const paging = { offset, limit: limit ?? UNLIMITED, evidence, withRefs: read === 'evidence and refs' };
    const [page] = await this.cypher.read('claims', { ...filterParams(filters), ...selection, ...pivot(s, filters), ...paging }, ClaimPage);
    return page!;
  }

  private upsertActors(tx: Transaction, actors: Actor[]) {
    return tx.run('put-actors', { actors: actors.map(actorNode) }, z.object({ changed: z.number() }));
  }

  private async counts() {
    const [row] = await this.cypher.read('counts', {}, Counts);
    return row!;
  }
}

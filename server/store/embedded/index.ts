/**
 * The embedded GraphStore, the zero-setup default: the graph lives in memory (graph-state.ts)
 * and every committed unit is one line of an append-only journal under `dataDir`
 * (journal.ts), replayed at open(). A document, its claims and its actors are one line, so
 * after any crash a document is in or out, never half. Writes run one at a time and change
 * memory only after their line is on disk.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  Actor,
  type ActorDetail,
  type ActorHit,
  type ActorKind,
  ClaimChange,
  type ClaimFilters,
  type ClaimQuery,
  type ClaimRecord,
  type ClaimView,
  type DocumentRecord,
  type DocumentSummary,
  type GraphFilters,
  type HistoryEntry,
  type Rejection,
  type SerializedGraph,
  type StoreHealth,
  type UpsertOutcome,
} from '../../domain/index.ts';
import { InvalidInput, NotFound, StoreUnavailable } from '../../errors.ts';
import { expandNeighborhood, neighborhoodGraph, type NeighborhoodOptions, strongestAround } from '../../graph/neighborhood.ts';
import { bestConnected, type GraphBounds, type Overview, overview, overviewAmong, overviewGraph } from '../../graph/overview.ts';
import { checkPathEnds, type PathOptions, pathsGraph } from '../../graph/paths.ts';
import { RelationIndex } from '../../graph/relation-index.ts';
import { claimLevelFilters, hasRelationFilters, relationPredicate, rowsFromClaims } from '../../graph/relations.ts';
import { rankActors } from '../../ingest/alias-index.ts';
import { createLogger } from '../../log.ts';
import { claimMatches } from '../claim-filter.ts';
import type { DocumentUpsert, GraphStore, PutOptions } from '../graph-store.ts';
import { checkHeld, checkNewActor, successorIn } from '../claim-changes.ts';
import { Annotations, type AnnotationsRecord } from './annotations.ts';
import { compare, evidenceOrder, GraphState } from './graph-state.ts';
import { Journal, type Resume } from './journal.ts';
import { FORMER_SNAPSHOT_FILE, type LoadedSnapshot, readSnapshot, SNAPSHOT_FILE, type SnapshotSection, writeSnapshot } from './snapshot.ts';
import { DocumentEntry, JournalEntry } from './journal-entry.ts';
import { ActorList, checkDistinctDocuments } from '../upsert-checks.ts';
import { parseOrThrow } from '../../validate.ts';
import { HELD_ROWS, ReadCache } from '../read-cache.ts';
import type { ActorListOptions, ActorPage } from '../../domain/actor-list.ts';

export const JOURNAL_FILE = 'journal.ndjson';
export { SNAPSHOT_FILE };

/** Below this much journal, replaying it is as quick as loading a snapshot: none is written. */
const SNAPSHOT_MIN_BYTES = 4 * 2 ** 20;
/** While writes go on, a snapshot is taken when the journal after the last one outgrows this (and the last one). */
const SNAPSHOT_TAIL_BYTES = 256 * 2 ** 20;
interface Opened {
  state: GraphState;
  annotations: Annotations;
  journal: Journal;
}


export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly journalPath: string;
  readonly snapshotPath: string;
  private readonly formerSnapshotPath: string;
  private readonly log: Logger;
  private readonly snapshotMinBytes: number;
  private opened?: Opened;
  /** What the snapshot on disk covers: journal bytes and its own size. */
  private snapshot = { covers: 0, bytes: 0 };
  /** Writes queue here, so each checks against the state the previous one left. */
  private writes: Promise<unknown> = Promise.resolve();
  /**
   * Bumped as every write begins and ends, and at open and close: this process is the only writer of its data dir
   * (the lock file), so an unchanged revision means unchanged data.
   */
  private revision = 0;
  /** Searches, neighbourhoods, overviews, paths and claim pages, held until the next write (../read-cache.ts). */
  private readonly cache: ReadCache;

  constructor({
    dataDir,
    logger,
    snapshotMinBytes = SNAPSHOT_MIN_BYTES,
    heldAnswers,
  }: {
    dataDir: string;
    logger?: Logger;
    snapshotMinBytes?: number;
    /** Answers held until the next write (../read-cache.ts); 0 holds none. */
    heldAnswers?: number;
  }) {
    this.cache = new ReadCache(() => String(this.revision), heldAnswers);
    this.journalPath = join(dataDir, JOURNAL_FILE);
    this.snapshotPath = join(dataDir, SNAPSHOT_FILE);
    this.formerSnapshotPath = join(dataDir, FORMER_SNAPSHOT_FILE);
    this.log = logger ?? createLogger();
    this.snapshotMinBytes = snapshotMinBytes;
  }

  /** Loads the snapshot when there is a usable one, then replays the journal after it (all of it otherwise). */
  async open(): Promise<void> {
    this.revision++;
    if (this.opened) return;
    let state = new GraphState();
    let annotations = new Annotations();
    let resume: Resume | undefined;
    const loaded = await readSnapshot(this.snapshotPath);
    this.snapshot = { covers: 0, bytes: 0 };
    // The state is restored while the snapshot's digests are computed, and kept only when they match.
    const problem = 'sections' in loaded ? await restoreSnapshot(state, annotations, loaded) : loaded.problem;
    if ('sections' in loaded && !problem) {
      this.snapshot = { covers: loaded.mark.end, bytes: loaded.bytes };
      resume = {
        mark: loaded.mark,
        mismatch: (problem) => {
          this.log.warn({ snapshot: this.snapshotPath, problem }, 'snapshot ignored: it is not of this journal; replaying the whole journal');
          state = new GraphState();
          annotations = new Annotations();
          this.snapshot = { covers: 0, bytes: 0 };
        },
      };
    } else if (!('missing' in loaded)) {
      this.log.warn({ snapshot: this.snapshotPath, problem }, 'snapshot ignored; replaying the whole journal');
      state = new GraphState();
      annotations = new Annotations();
    } else if (existsSync(this.formerSnapshotPath)) {
      this.log.warn({ snapshot: this.formerSnapshotPath }, 'snapshot ignored: it is of an earlier format; replaying the whole journal (a new one is written at close)');
    }
    let entries = 0;
    const journal = await Journal.open(
      this.journalPath,
      (payload) => {
        apply(state, annotations, parseOrThrow(JournalEntry, payload, 'journal entry'));
        entries++;
      },
      this.log,
      resume,
    );
    this.opened = { state, annotations, journal };
    this.log.info({ journal: this.journalPath, snapshotBytes: this.snapshot.bytes, replayed: entries, ...counts(state) }, 'embedded store opened');
  }

  /** Writes a snapshot when the journal has grown since the last one (and is worth one), then closes. */
  async close(): Promise<void> {
    this.revision++;
    if (!this.opened) return;
    const { journal } = this.opened;
    await this.writes;
    try {
      if (!journal.failure && journal.mark.end >= this.snapshotMinBytes && journal.mark.end > this.snapshot.covers) await this.takeSnapshot(this.opened);
    } finally {
      this.opened = undefined;
      await journal.close();
    }
  }

  private async takeSnapshot({ state, annotations, journal }: Opened): Promise<void> {
    const mark = journal.mark;
    const started = performance.now();
    try {
      const bytes = await writeSnapshot(this.snapshotPath, snapshotSections(state, annotations), mark);
      this.snapshot = { covers: mark.end, bytes };
      await rm(this.formerSnapshotPath, { force: true });
      this.log.info({ snapshot: this.snapshotPath, bytes, journalBytes: mark.end, ms: Math.round(performance.now() - started) }, 'snapshot written');
    } catch (error) {
      // The journal holds everything; a snapshot that cannot be written only costs a longer open.
      this.log.warn({ snapshot: this.snapshotPath, error: (error as Error).message }, 'could not write the snapshot');
    }
  }

  async health(): Promise<StoreHealth> {
    if (!this.opened) return { store: 'embedded', reachable: false, error: 'the embedded store is not open' };
    const { failure } = this.opened.journal;
    if (failure) return { store: 'embedded', reachable: false, error: failure };
    return { store: 'embedded', reachable: true, counts: counts(this.opened.state) };
  }

  putActors(input: Actor[]): Promise<number> {
    return this.exclusive(async ({ state, journal }) => {
      const actors = parseOrThrow(ActorList, input, 'actors');
      const changed = state.changedActors(actors);
      if (changed.length === 0) return 0;
      await journal.append({ op: 'actors', actors: changed } satisfies JournalEntry);
      state.putActors(changed);
      return changed.length;
    });
  }

  async putDocument(input: DocumentUpsert): Promise<UpsertOutcome> {
    const [outcome] = await this.putDocuments([input]);
    return outcome!;
  }

  putDocuments(inputs: DocumentUpsert[], options: PutOptions = {}): Promise<UpsertOutcome[]> {
    return this.exclusive(async (opened) => {
      const { state, annotations, journal } = opened;
      checkDistinctDocuments(inputs);
      // An actor object many documents of the batch name is compared with the stored one once.
      const held = new Map<unknown, Actor | undefined>();
      const heldActor = (actor: unknown) => {
        if (!held.has(actor)) held.set(actor, state.heldActor(actor));
        return held.get(actor);
      };
      const entries = inputs.map((input) => documentEntry(input, heldActor, options.prepared === true));
      for (const entry of entries) state.checkReferences(entry);
      const outcomes = entries.map((entry): UpsertOutcome => {
        const previous = state.documents.get(entry.document.id);
        return previous?.hash === entry.document.hash ? 'unchanged' : previous ? 'updated' : 'created';
      });
      const changed = entries.filter((_, i) => outcomes[i] !== 'unchanged').map((entry) => withoutRejected(annotations, entry));
      // One journal write for the batch; memory changes only once it is on disk.
      await journal.appendAll(changed);
      state.putDocuments(changed);
      for (const entry of changed) annotations.reject(entry.rejected ?? []);
      const tail = journal.mark.end - this.snapshot.covers;
      if (tail >= SNAPSHOT_TAIL_BYTES && tail >= this.snapshot.bytes) await this.takeSnapshot(opened);
      return outcomes;
    });
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    const state = this.state();
    return [...state.documents.values()]
      .sort((a, b) => compare(a.id, b.id))
      .map(({ text, body: _body, ...summary }) => ({
        ...summary,
        claims: state.claimsOfDocument(summary.id).length,
        length: text.length,
      }));
  }

  async getDocument(id: string): Promise<DocumentRecord> {
    const document = this.state().documents.get(id);
    if (!document) throw new NotFound('document', id);
    return document;
  }

  async missingDocuments(ids: string[]): Promise<string[]> {
    const { documents } = this.state();
    return ids.filter((id) => !documents.has(id));
  }

  searchActors(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]> {
    return this.held(['search', q, options.kinds, options.limit], () => this.search(q, options));
  }

  private async search(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]> {
    const state = this.state();
    return rankActors(q, state.searchCandidates(q), options).map((hit) => ({ ...hit, claims: state.claimCount(hit.id) }));
  }

  async listActors({ kinds, sort, limit, offset }: ActorListOptions): Promise<ActorPage> {
    const state = this.state();
    const items = state
      .actors()
      .filter((a) => !kinds || kinds.includes(a.kind))
      .map(({ id, name, kind, aliases }) => {
        const others = new Set(state.claimsOfActor(id).flatMap((c) => [c.subject, c.object]));
        others.delete(id);
        return { id, name, kind, aliases, degree: others.size };
      })
      // Code-point order, as Cypher's ORDER BY: both stores list alike.
      .sort((a, b) => (sort === 'degree' ? b.degree - a.degree : 0) || compare(a.name, b.name) || compare(a.id, b.id));
    return { total: items.length, items: items.slice(offset, offset + limit) };
  }

  async getActor(id: string): Promise<ActorDetail> {
    const state = this.state();
    const actor = state.actor(id);
    if (!actor) throw new NotFound('actor', id);
    const claims = state.claimsOfActor(id);
    const byType: ActorDetail['byType'] = {};
    const byDocument: ActorDetail['byDocument'] = {};
    for (const claim of claims) {
      byType[claim.type] = (byType[claim.type] ?? 0) + 1;
      byDocument[claim.document] = (byDocument[claim.document] ?? 0) + 1;
    }
    return { ...actor, claims: claims.length, byType, byDocument };
  }

  findClaims(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }> {
    return this.held(['claims', query], () => this.claimPage(query));
  }

  private async claimPage(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }> {
    const { subject, object, actor, type, document, undirected, limit, offset, ...filters } = query;
    const state = this.state();
    if ([subject, object, actor, type, document, ...Object.values(filters)].every((value) => value === undefined))
      return { total: state.claimCountTotal, items: state.claimsPage(offset, limit).map((c) => state.view(c)) };
    // Start from the narrowest index the query names.
    const pivot = actor ?? subject ?? object;
    const candidates =
      document !== undefined ? state.claimsOfDocument(document) : pivot !== undefined ? state.claimsOfActor(pivot) : [...scope(state, filters)];
    const ends = (s: string, o: string) => (subject === undefined || s === subject) && (object === undefined || o === object);
    const matches = candidates.filter(
      (c) =>
        (document === undefined || c.document === document) &&
        (type === undefined || c.type === type) &&
        (actor === undefined || c.subject === actor || c.object === actor) &&
        (ends(c.subject, c.object) || (undirected === true && ends(c.object, c.subject))),
    );
    const admitted = this.admitted(state, matches, filters).sort(evidenceOrder);
    return { total: admitted.length, items: admitted.slice(offset, offset + limit).map((c) => state.view(c)) };
  }

  async documentClaims(documents: string[], filters: ClaimFilters): Promise<ClaimView[]> {
    const state = this.state();
    return this.views(state, [...new Set(documents)].flatMap((id) => state.claimsOfDocument(id)), filters);
  }

  async allClaims(filters: ClaimFilters): Promise<ClaimView[]> {
    const state = this.state();
    return this.views(state, [...scope(state, filters)], filters);
  }

  graph(filters: GraphFilters, bounds: GraphBounds): Promise<SerializedGraph> {
    // An export asks for the whole graph: never held.
    if (bounds.maxEdges > HELD_ROWS) return this.overview(filters, bounds);
    return this.held(['graph', filters, bounds], () => this.overview(filters, bounds));
  }

  private async overview(filters: GraphFilters, bounds: GraphBounds): Promise<SerializedGraph> {
    const state = this.state();
    const passes = relationPredicate(filters, (id) => state.actor(id)?.kind);
    const claimFilters = claimLevelFilters(filters);
    const unfiltered = Object.values(filters).every((value) => value === undefined);
    const answer = claimFilters
      ? overview(rowsFromClaims(this.admitted(state, [...scope(state, claimFilters)], claimFilters)).filter(passes), bounds)
      : unfiltered
        ? this.wholeOverview(state, bounds)
        : state.relations.overview(bounds, passes);
    return overviewGraph(answer, (id) => state.actor(id)!);
  }

  neighborhood(center: string, options: NeighborhoodOptions): Promise<SerializedGraph> {
    return this.held(['neighborhood', center, options], () => this.around(center, options));
  }

  private async around(center: string, { depth, limit, maxEdges, filters }: NeighborhoodOptions): Promise<SerializedGraph> {
    const state = this.state();
    if (!state.actor(center)) throw new NotFound('actor', center);
    const passes = relationPredicate(filters, (id) => state.actor(id)?.kind);
    const claimFilters = claimLevelFilters(filters);
    const found = claimFilters
      ? await expandNeighborhood(center, { depth, limit, maxEdges }, async (ids) =>
          strongestAround(ids, rowsFromClaims(this.admitted(state, state.claimsTouching(ids), claimFilters)).filter(passes)),
        )
      : await state.relations.neighborhood(center, { depth, limit, maxEdges }, hasRelationFilters(filters) ? passes : undefined);
    return neighborhoodGraph(center, found, (id) => state.actor(id)!);
  }

  paths(from: string, to: string, options: PathOptions): Promise<SerializedGraph> {
    return this.held(['paths', from, to, options], () => this.between(from, to, options));
  }

  private async between(from: string, to: string, { maxLength, k, filters }: PathOptions): Promise<SerializedGraph> {
    checkPathEnds(from, to);
    const state = this.state();
    for (const id of [from, to]) if (!state.actor(id)) throw new NotFound('actor', id);
    const passes = relationPredicate(filters, (id) => state.actor(id)?.kind);
    const claimFilters = claimLevelFilters(filters);
    const relations = claimFilters ? RelationIndex.of(rowsFromClaims(this.admitted(state, [...scope(state, claimFilters)], claimFilters))) : state.relations;
    return pathsGraph(relations.paths(from, to, { maxLength, k }, passes), (id) => state.actor(id)!);
  }

  async getClaim(id: string): Promise<ClaimView> {
    const state = this.state();
    const claim = state.findClaim(id);
    if (!claim) throw new NotFound('claim', id);
    return state.view(claim);
  }

  changeClaim(input: ClaimChange): Promise<ClaimView> {
    return this.exclusive(async ({ state, annotations, journal }) => {
      const change = parseOrThrow(ClaimChange, input, 'claim change');
      checkChange(state, annotations, change);
      const after = change.claim && state.view(change.claim);
      const entry = { op: 'claim', change: { ...change, history: { ...change.history, ...(after ? { after } : {}) } } } satisfies JournalEntry;
      await journal.append(entry);
      applyChange(state, annotations, entry.change);
      return after ?? change.history.before!;
    });
  }

  async claimHistory(id: string): Promise<HistoryEntry[]> {
    const { state, annotations } = this.openedOrThrow();
    const history = annotations.history(id);
    if (history.length === 0 && !state.findClaim(id)) throw new NotFound('claim', id);
    return history;
  }

  async rejections(documents: string[]): Promise<Rejection[]> {
    return this.openedOrThrow().annotations.rejections(documents);
  }

  addActor(input: Actor): Promise<void> {
    return this.exclusive(async ({ state, annotations, journal }) => {
      const actor = parseOrThrow(Actor, input, 'actor');
      checkNewActor(actor, state.actors());
      await journal.append({ op: 'actor-added', actor } satisfies JournalEntry);
      state.putActors([actor]);
      annotations.add(actor);
    });
  }

  async addedActors(): Promise<Actor[]> {
    return this.openedOrThrow().annotations.addedActors();
  }

  /**
   * The overview without filters, without visiting every relation: an actor's weight is then
   * its claim count (the sum over its relations), so the best-connected come from the counts.
   */
  private wholeOverview(state: GraphState, bounds: GraphBounds): Overview {
    const totals = { totalNodes: state.actorsWithClaims, totalEdges: state.relations.size };
    if (totals.totalEdges <= bounds.maxEdges && totals.totalNodes <= bounds.maxNodes) return state.relations.overview(bounds, () => true);
    const best = bestConnected(state.claimCounts(), bounds.maxNodes);
    return overviewAmong(best, state.relations.touching(best, () => true), totals, bounds.maxEdges);
  }

  /** The claims among `claims` that pass the filters. */
  private admitted(state: GraphState, claims: ClaimRecord[], filters: ClaimFilters): ClaimRecord[] {
    if (Object.values(filters).every((value) => value === undefined)) return claims;
    return claims.filter((c) => claimMatches(state.view(c), filters));
  }

  /** The claims passing the filters, as views, in evidence order. */
  private views(state: GraphState, claims: ClaimRecord[], filters: ClaimFilters): ClaimView[] {
    return this.admitted(state, claims, filters)
      .sort(evidenceOrder)
      .map((c) => state.view(c));
  }

  private state(): GraphState {
    return this.openedOrThrow().state;
  }

  private openedOrThrow(): Opened {
    if (!this.opened) throw new StoreUnavailable('the embedded store is not open');
    return this.opened;
  }

  /** An answer held until the next write (unless large); `key` names everything it depends on. */
  private held<T>(key: unknown[], read: () => Promise<T>): Promise<T> {
    return this.cache.hold(JSON.stringify(key), read);
  }

  private exclusive<T>(write: (opened: Opened) => Promise<T>): Promise<T> {
    const run = this.writes
      .then(() => {
        if (!this.opened) throw new StoreUnavailable('the embedded store is not open');
        // Bumped as a write begins and as it ends (even part way failed): an answer read while it
        // ran is held under a revision that is gone once it has ended (../read-cache.ts).
        this.revision++;
        return write(this.opened);
      })
      .finally(() => this.revision++);
    this.writes = run.catch(() => undefined);
    return run;
  }
}

/** Restores `state` and `annotations` from a snapshot; returns why they must be thrown away (the snapshot is damaged), if it is. */
async function restoreSnapshot(state: GraphState, annotations: Annotations, loaded: LoadedSnapshot): Promise<string | undefined> {
  let failure: string | undefined;
  try {
    state.restoreSections(loaded.sections);
    annotations.restore(loaded.sections.get('annotations') as AnnotationsRecord);
  } catch (error) {
    failure = `the snapshot cannot be restored: ${(error as Error).message}`;
  }
  // A damaged section explains a failed restore better than the failure does.
  return (await loaded.problem) ?? failure;
}

/** What a snapshot holds: the graph's sections, then the analysts' work beside it. */
function snapshotSections(state: GraphState, annotations: Annotations): SnapshotSection[] {
  return [...state.snapshotSections(), { name: 'annotations', json: annotations.snapshotRecord() }];
}

function apply(state: GraphState, annotations: Annotations, entry: JournalEntry): void {
  if (entry.op === 'actors') {
    state.putActors(entry.actors);
  } else if (entry.op === 'actor-added') {
    state.putActors([entry.actor]);
    annotations.add(entry.actor);
  } else if (entry.op === 'claim') {
    checkChange(state, annotations, entry.change);
    applyChange(state, annotations, entry.change);
  } else {
    state.checkReferences(entry);
    state.putDocument(entry);
    annotations.reject(entry.rejected ?? []);
  }
}

/**
 * The upsert validated as a journal entry. The actors the store holds unchanged (`heldActor`)
 * are taken as stored (they were validated when put) and only the others go through the schema; a failure
 * is reported by the whole upsert's parse, so it names the field as given. A `prepared` upsert
 * (PutOptions) is not parsed again: preparation built it from what it validated.
 */
function documentEntry(input: DocumentUpsert, heldActor: (actor: unknown) => Actor | undefined, prepared: boolean): DocumentEntry {
  const parse = (value: unknown) => parseOrThrow(DocumentEntry, value, `document '${input.document?.id}'`);
  if (!Array.isArray(input.actors)) return parse({ op: 'document', ...input });
  const held = input.actors.map(heldActor);
  const offered = { op: 'document' as const, ...input, actors: input.actors.filter((_, i) => !held[i]) };
  let entry: DocumentEntry;
  if (prepared) entry = offered;
  else {
    const parsed = DocumentEntry.safeParse(offered);
    entry = parsed.success ? parsed.data : parse({ op: 'document', ...input });
  }
  let next = 0;
  return { ...entry, actors: held.map((actor) => actor ?? entry.actors[next++]!) };
}

/** A document entry without the extracted claims its rejections (stored, or its own) name: a rejected candidate stays rejected. */
function withoutRejected(annotations: Annotations, entry: DocumentEntry): DocumentEntry {
  if (!entry.claims.some((c) => c.origin === 'extracted')) return entry;
  const own = new Set((entry.rejected ?? []).map((r) => r.id));
  const rejected = (c: ClaimRecord) => own.has(c.id) || annotations.isRejected(c.document, c.id);
  return { ...entry, claims: entry.claims.filter((c) => c.origin !== 'extracted' || !rejected(c)) };
}

/** The checks of a claim change against what the state holds (claim-changes.ts, checkHeld). */
function checkChange(state: GraphState, annotations: Annotations, change: ClaimChange): void {
  checkHeld(change, {
    revisionOf: (id) => {
      const claim = state.findClaim(id);
      return claim && (claim.revision ?? 1);
    },
    documentOf: (id) => state.findClaim(id)?.document,
    successor: (id) => successorIn(annotations.history(id), id),
  });
  if (!state.documents.has(change.document)) throw new NotFound('document', change.document);
  for (const end of change.claim ? [change.claim.subject, change.claim.object] : [])
    if (!state.actor(end)) throw new InvalidInput(`no actor '${end}'`, { parameter: end === change.claim!.subject ? 'subject' : 'object' });
}

/** A checked change into memory, through the per-document rewrite (it recomputes the touched relations). */
function applyChange(state: GraphState, annotations: Annotations, change: ClaimChange): void {
  const claims = state.claimsOfDocument(change.document).filter((c) => c.id !== change.expected?.id);
  if (change.claim) claims.push(change.claim);
  state.putDocument({ document: state.documents.get(change.document)!, claims, actors: [] });
  annotations.record(change);
}

/** The claims a filter set can admit: its documents' when it names documents, else every claim. */
function scope(state: GraphState, filters: ClaimFilters): Iterable<ClaimRecord> {
  return filters.documents ? [...new Set(filters.documents)].flatMap((id) => state.claimsOfDocument(id)) : state.allClaims();
}

function counts(state: GraphState) {
  return { documents: state.documents.size, actors: state.actorCount, claims: state.claimCountTotal };
}

/**
 * The embedded GraphStore, the zero-setup default: the graph lives in memory (graph-state.ts)
 * and every committed unit is one line of an append-only journal under `dataDir`
 * (journal.ts), replayed at open(). A document, its claims and its actors are one line, so
 * after any crash a document is in or out, never half. Writes run one at a time and change
 * memory only after their line is on disk.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  Actor,
  type ActorDetail,
  type ActorHit,
  type ActorKind,
  type ClaimFilters,
  type ClaimQuery,
  type ClaimRecord,
  type ClaimView,
  type DocumentRecord,
  type DocumentSummary,
  type StoreHealth,
  type UpsertOutcome,
} from '../../domain/index.ts';
import { NotFound, StoreUnavailable } from '../../errors.ts';
import { rankActors } from '../../ingest/alias-index.ts';
import { createLogger } from '../../log.ts';
import { claimMatches } from '../claim-filter.ts';
import type { DocumentUpsert, GraphStore } from '../graph-store.ts';
import { compare, evidenceOrder, GraphState } from './graph-state.ts';
import { Journal } from './journal.ts';
import { DocumentEntry, JournalEntry } from './journal-entry.ts';
import { ActorList, checkDistinctDocuments } from '../upsert-checks.ts';
import { parseOrThrow } from '../../validate.ts';

export const JOURNAL_FILE = 'journal.ndjson';


export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly journalPath: string;
  private readonly log: Logger;
  private opened?: { state: GraphState; journal: Journal };
  /** Writes queue here, so each checks against the state the previous one left. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor({ dataDir, logger }: { dataDir: string; logger?: Logger }) {
    this.journalPath = join(dataDir, JOURNAL_FILE);
    this.log = logger ?? createLogger();
  }

  async open(): Promise<void> {
    if (this.opened) return;
    const state = new GraphState();
    let entries = 0;
    const journal = await Journal.open(
      this.journalPath,
      (payload) => {
        apply(state, parseOrThrow(JournalEntry, payload, 'journal entry'));
        entries++;
      },
      this.log,
    );
    this.opened = { state, journal };
    this.log.info({ journal: this.journalPath, entries, ...counts(state) }, 'embedded store opened');
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    const { journal } = this.opened;
    await this.writes;
    this.opened = undefined;
    await journal.close();
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

  putDocuments(inputs: DocumentUpsert[]): Promise<UpsertOutcome[]> {
    return this.exclusive(async ({ state, journal }) => {
      checkDistinctDocuments(inputs);
      const entries = inputs.map((input) => parseOrThrow(DocumentEntry, { op: 'document', ...input }, `document '${input.document?.id}'`));
      for (const entry of entries) state.checkReferences(entry);
      const outcomes: UpsertOutcome[] = [];
      for (const entry of entries) {
        const previous = state.documents.get(entry.document.id);
        if (previous?.hash === entry.document.hash) {
          outcomes.push('unchanged');
          continue;
        }
        await journal.append(entry);
        state.putDocument(entry);
        outcomes.push(previous ? 'updated' : 'created');
      }
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

  async searchActors(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]> {
    return rankActors(q, this.state().actors(), options);
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

  async findClaims(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }> {
    const { subject, object, actor, type, document, undirected, limit, offset, ...filters } = query;
    const state = this.state();
    // Start from the narrowest index the query names.
    const pivot = actor ?? subject ?? object;
    const candidates =
      document !== undefined
        ? state.claimsOfDocument(document)
        : pivot !== undefined
          ? state.claimsOfActor(pivot)
          : state.allClaims();
    const ends = (s: string, o: string) => (subject === undefined || s === subject) && (object === undefined || o === object);
    const matches = candidates.filter(
      (c) =>
        (document === undefined || c.document === document) &&
        (type === undefined || c.type === type) &&
        (actor === undefined || c.subject === actor || c.object === actor) &&
        (ends(c.subject, c.object) || (undirected === true && ends(c.object, c.subject))),
    );
    const views = this.views(state, matches, filters);
    return { total: views.length, items: views.slice(offset, offset + limit) };
  }

  async allClaims(filters: ClaimFilters): Promise<ClaimView[]> {
    const state = this.state();
    return this.views(state, state.allClaims(), filters);
  }

  async claimsTouching(actorIds: string[], filters: ClaimFilters): Promise<ClaimView[]> {
    const state = this.state();
    const touching = new Map<string, ClaimRecord>();
    for (const id of actorIds) for (const claim of state.claimsOfActor(id)) touching.set(claim.id, claim);
    return this.views(state, [...touching.values()], filters);
  }

  /** The claims passing the filters, as views, in evidence order. */
  private views(state: GraphState, claims: ClaimRecord[], filters: ClaimFilters): ClaimView[] {
    return [...claims]
      .sort(evidenceOrder)
      .map((c) => state.view(c))
      .filter((v) => claimMatches(v, filters));
  }

  private state(): GraphState {
    if (!this.opened) throw new StoreUnavailable('the embedded store is not open');
    return this.opened.state;
  }

  private exclusive<T>(write: (opened: { state: GraphState; journal: Journal }) => Promise<T>): Promise<T> {
    const run = this.writes.then(() => {
      if (!this.opened) throw new StoreUnavailable('the embedded store is not open');
      return write(this.opened);
    });
    this.writes = run.catch(() => undefined);
    return run;
  }
}

function apply(state: GraphState, entry: JournalEntry): void {
  if (entry.op === 'actors') {
    state.putActors(entry.actors);
  } else {
    state.checkReferences(entry);
    state.putDocument(entry);
  }
}

function counts(state: GraphState) {
  return { documents: state.documents.size, actors: state.graph.order, claims: state.graph.size };
}

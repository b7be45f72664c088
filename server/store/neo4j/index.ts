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
  type ActorHit,
  type ActorKind,
  admitsReliability,
  type ClaimFilters,
  type ClaimQuery,
  ClaimRecord,
  ClaimView,
  DocumentRecord,
  DocumentSummary,
  lowerBound,
  RelationType,
  Reliability,
  type StoreHealth,
  type UpsertOutcome,
  upperBound,
  whenBounds,
} from '../../domain/index.ts';
import { NotFound, StoreUnavailable } from '../../errors.ts';
import { compactName, normalizeName, rankActors } from '../../ingest/alias-index.ts';
import { createLogger } from '../../log.ts';
import type { DocumentUpsert, GraphStore } from '../graph-store.ts';
import { ActorList, checkDistinctDocuments, checkReferences, checkUniqueActors, DocumentUpsertInput } from '../upsert-checks.ts';
import { parseOrThrow } from '../../validate.ts';
import { fulltextQuery } from './fulltext-query.ts';
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
  logger?: Logger;
}


const Counts = z.object({ documents: z.number(), actors: z.number(), claims: z.number() });
const DocumentState = z.object({
  hash: z.string().optional(),
  knownActors: z.array(z.string()),
  owners: z.array(z.object({ claim: z.string(), document: z.string() })),
});
const ClaimPage = z.object({ total: z.number(), items: z.array(ClaimView) });
const ActorRow = z.object({ actor: Actor, types: z.array(RelationType), documents: z.array(z.string()) });

/** The properties an actor node holds: the actor and its names folded for search. */
function actorNode(actor: Actor) {
  const names = [actor.name, ...actor.aliases];
  return {
    props: {
      ...actor,
      searchText: names.map(normalizeName).join('\n'),
      // A separator no compacted query contains, so a substring never spans two names.
      searchCompact: names.map(compactName).join('|'),
    },
    label: actor.kind.charAt(0).toUpperCase() + actor.kind.slice(1),
  };
}

function documentNode({ body, ...document }: DocumentRecord) {
  return {
    ...document,
    length: document.text.length,
    bodyStarts: body.map(([start]) => start),
    bodyEnds: body.map(([, end]) => end),
  };
}

function claimNode({ document, subject, object, ...claim }: ClaimRecord) {
  const [whenLo, whenHi] = claim.when ? whenBounds(claim.when) : [undefined, undefined];
  return { ...claim, documentId: document, subjectId: subject, objectId: object, whenLo, whenHi };
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

/** Where claims.cypher takes its candidates: the narrowest index the read names, else every document. */
function pivot(s: Selection, filters: ClaimFilters) {
  const none = { scan: false, pivotDocuments: undefined as string[] | undefined, pivotActors: undefined as string[] | undefined };
  if (s.document !== undefined) return { ...none, pivotDocuments: [s.document] };
  if (s.touching) return { ...none, pivotActors: s.touching };
  const actor = s.actor ?? s.subject ?? s.object;
  if (actor !== undefined) return { ...none, pivotActors: [actor] };
  if (filters.documents) return { ...none, pivotDocuments: filters.documents };
  return { ...none, scan: true };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly cypher: CypherSession;
  private readonly log: Logger;
  private readonly connectTimeoutMs: number;

  constructor({ uri, user = 'neo4j', password, database, connectTimeoutMs = 30_000, retryTimeMs = 5_000, logger }: Neo4jStoreOptions) {
    this.driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, {
      connectionTimeout: 5_000,
      maxTransactionRetryTime: retryTimeMs,
    });
    this.cypher = new CypherSession(this.driver, database);
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

  async putDocuments(inputs: DocumentUpsert[]): Promise<UpsertOutcome[]> {
    checkDistinctDocuments(inputs);
    const upserts = inputs.map((input) => parseOrThrow(DocumentUpsertInput, input, `document '${input.document?.id}'`));
    return this.cypher.writeTransaction(async (tx) => {
      const stored = [];
      for (const upsert of upserts) {
        const { document, claims } = upsert;
        const [state] = await tx.run(
          'document-state',
          { id: document.id, actorIds: claims.flatMap((c) => [c.subject, c.object]), claimIds: claims.map((c) => c.id) },
          DocumentState,
        );
        const known = new Set(state!.knownActors);
        const owners = new Map(state!.owners.map((o) => [o.claim, o.document]));
        checkReferences(upsert, { hasActor: (id) => known.has(id), claimOwner: (id) => owners.get(id) });
        stored.push(state!.hash);
      }
      const outcomes: UpsertOutcome[] = [];
      for (const [i, { document, claims, actors }] of upserts.entries()) {
        if (stored[i] === document.hash) {
          outcomes.push('unchanged');
          continue;
        }
        await this.upsertActors(tx, actors);
        await tx.run('put-document', { document: documentNode(document), claims: claims.map(claimNode) }, z.unknown());
        outcomes.push(stored[i] === undefined ? 'created' : 'updated');
      }
      return outcomes;
    });
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

  async searchActors(q: string, options: { kinds?: ActorKind[]; limit: number }): Promise<ActorHit[]> {
    const compact = compactName(q);
    if (!compact) return [];
    const rows = await this.cypher.read('search-actors', { words: fulltextQuery(q), compact, kinds: options.kinds }, z.object({ actor: Actor }));
    return rankActors(
      q,
      rows.map((r) => r.actor),
      options,
    );
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

  async findClaims(query: ClaimQuery): Promise<{ total: number; items: ClaimView[] }> {
    const { subject, object, actor, type, document, undirected, limit, offset, ...filters } = query;
    return this.claims(filters, { subject, object, actor, type, document, undirected }, offset, limit);
  }

  async allClaims(filters: ClaimFilters): Promise<ClaimView[]> {
    return (await this.claims(filters, {}, 0, undefined)).items;
  }

  async claimsTouching(actorIds: string[], filters: ClaimFilters): Promise<ClaimView[]> {
    return (await this.claims(filters, { touching: actorIds }, 0, undefined)).items;
  }

  /** Empties the database. For tests, which share one Neo4j: never called by the application. */
  async clearAll(): Promise<void> {
    await this.cypher.write('clear-all', {});
  }

  /** Every parameter of claims.cypher is passed; an absent one as null. */
  private async claims(filters: ClaimFilters, s: Selection, offset: number, limit: number | undefined): Promise<{ total: number; items: ClaimView[] }> {
    const selection = {
      document: s.document,
      type: s.type,
      actor: s.actor,
      touching: s.touching,
      subject: s.subject,
      object: s.object,
      undirected: s.undirected === true,
    };
    const [page] = await this.cypher.read('claims', { ...filterParams(filters), ...selection, ...pivot(s, filters), offset, limit }, ClaimPage);
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

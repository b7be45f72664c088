/**
 * The Neo4j store's side of the analyst's writes (GraphStore: getClaim … addedActors): claim
 * changes in one transaction that first write-locks the claim's document (claim-lock), so two
 * changes naming one revision run one after the other and the second sees the first's commit;
 * history as (:ClaimChange) nodes by lineage, rejections as (:Rejection), added actors marked
 * `added`. Queries in cypher/claim-*.cypher and cypher/actor-*.cypher.
 */
import { z } from 'zod';
import { Actor, ActorRef, type ClaimChange, type ClaimRecord, ClaimView, HistoryEntry, Rejection } from '../../domain/index.ts';
import { Conflict, InvalidInput, NotFound } from '../../errors.ts';
import { relationBetween } from '../../graph/aggregate.ts';
import { compactName } from '../../ingest/alias-index.ts';
import { checkHeld, checkNewActor, lineageOf, type StoredHistoryEntry, successorIn } from '../claim-changes.ts';
import type { DocumentUpsert } from '../graph-store.ts';
import type { CypherSession, Transaction } from './session.ts';

/** What the store's write path lends: node shapes and the aggregate recomputation (index.ts). */
export interface WriteParts {
  claimNode(claim: ClaimRecord): Record<string, unknown>;
  actorNode(actor: Actor): { props: Record<string, unknown>; label: string };
  /** Recomputes these relations' aggregates and these actors' claim counts from the claims now in the transaction. */
  recomputeRelations(tx: Transaction, keys: Iterable<string>, actors: Iterable<string>): Promise<void>;
}

const ClaimRow = z.object({ claim: ClaimView });
const Held = z.object({ id: z.string(), document: z.string(), revision: z.number(), relation: z.string(), subject: z.string(), object: z.string() });
/** A stored change: the views before and after as JSON text (Neo4j properties hold no maps). */
const StoredEntry = z.object({
  entry: z
    .object({ before: z.string().optional(), after: z.string().optional(), lineage: z.string() })
    .passthrough()
    .transform(({ before, after, ...rest }) => ({
      ...HistoryEntry.parse({
        ...rest,
        ...(before ? { before: JSON.parse(before) } : {}),
        ...(after ? { after: JSON.parse(after) } : {}),
      }),
      lineage: rest.lineage,
    })),
});

export async function getClaim(cypher: CypherSession, id: string): Promise<ClaimView> {
  const [row] = await cypher.read('claim', { id }, ClaimRow);
  if (!row) throw new NotFound('claim', id);
  return row.claim;
}

export function changeClaim(cypher: CypherSession, parts: WriteParts, change: ClaimChange): Promise<ClaimView> {
  return cypher.writeTransaction(async (tx) => {
    const locked = await tx.run('claim-lock', { document: change.document }, z.object({ id: z.string() }));
    if (locked.length === 0) throw new NotFound('document', change.document);
    const { expected, claim } = change;
    const ids = [expected?.id, claim?.id].filter((id): id is string => id !== undefined);
    const held = new Map((await tx.run('claim-held', { ids }, Held)).map((row) => [row.id, row]));
    const previous = expected?.id ?? claim!.id;
    const history = await historyOf(tx, previous);
    checkHeld(change, {
      revisionOf: (id) => held.get(id)?.revision,
      documentOf: (id) => held.get(id)?.document,
      successor: (id) => successorIn(history, id),
    });
    if (claim) {
      const found = new Set((await tx.run('actor-exists', { ids: [claim.subject, claim.object] }, z.object({ id: z.string() }))).map((r) => r.id));
      for (const field of ['subject', 'object'] as const)
        if (!found.has(claim[field])) throw new InvalidInput(`no actor '${claim[field]}'`, { parameter: field });
    }
    const old = expected && held.get(expected.id);
    const keys = [old?.relation, claim && relationBetween(claim.subject, claim.type, claim.object).key].filter((k): k is string => k !== undefined);
    const actors = [old?.subject, old?.object, claim?.subject, claim?.object].filter((a): a is string => a !== undefined);
    await tx.run('lock-actors', { ids: [...new Set(actors)] }, z.unknown());
    await tx.run('claim-replace', { remove: expected?.id, claim: claim && parts.claimNode(claim) }, z.unknown());
    await parts.recomputeRelations(tx, new Set(keys), new Set(actors));
    const after = claim && (await tx.run('claim', { id: claim.id }, ClaimRow))[0]!.claim;
    const { before, ...entry } = change.history;
    await tx.run(
      'claim-history-add',
      {
        entry: {
          ...entry,
          lineage: lineageOf(history, previous),
          before: before && JSON.stringify(before),
          after: after && JSON.stringify(after),
        },
      },
      z.unknown(),
    );
    if (change.rejection) await tx.run('claim-rejections-put', { rejections: [change.rejection] }, z.unknown());
    return after ?? before!;
  });
}

export async function claimHistory(cypher: CypherSession, id: string): Promise<HistoryEntry[]> {
  const history = await cypher.read('claim-history', { id }, StoredEntry);
  if (history.length === 0) await getClaim(cypher, id);
  return history.map(({ entry: { lineage: _lineage, ...entry } }) => entry);
}

const RejectionRow = z.object({ rejection: Rejection });

export async function rejections(cypher: CypherSession, documents: string[]): Promise<Rejection[]> {
  return (await cypher.read('claim-rejections', { documents: [...new Set(documents)] }, RejectionRow)).map((r) => r.rejection);
}

/**
 * Inside a document put: keeps the batch's `rejected`, then drops every extracted claim the
 * documents' rejections name (a rejected candidate stays rejected when extracted again).
 */
export async function withoutRejected(tx: Transaction, upserts: DocumentUpsert[]): Promise<DocumentUpsert[]> {
  const given = upserts.flatMap((u) => u.rejected ?? []);
  if (given.length > 0) await tx.run('claim-rejections-put', { rejections: given }, z.unknown());
  const rows = await tx.run('claim-rejections', { documents: upserts.map((u) => u.document.id) }, RejectionRow);
  return dropRejected(
    upserts,
    rows.map((r) => r.rejection),
  );
}

/** The upserts without the extracted claims these rejections name (a rejected candidate stays rejected when extracted again). */
export function dropRejected(upserts: DocumentUpsert[], rejections: Rejection[]): DocumentUpsert[] {
  if (rejections.length === 0) return upserts;
  const rejected = new Set(rejections.map((r) => `${r.document}|${r.id}`));
  return upserts.map((u) => ({ ...u, claims: u.claims.filter((c) => c.origin !== 'extracted' || !rejected.has(`${c.document}|${c.id}`)) }));
}

export async function addActor(cypher: CypherSession, parts: WriteParts, actor: Actor): Promise<void> {
  await cypher.writeTransaction(async (tx) => {
    const names = [actor.name, ...actor.aliases].map(compactName);
    const taken = await tx.run('actor-names-taken', { id: actor.id, names }, z.object({ actor: ActorRef }));
    checkNewActor(
      actor,
      taken.map((r) => r.actor),
    );
    try {
      await tx.run('actor-add', { actor: parts.actorNode(actor) }, z.unknown());
    } catch (error) {
      // Another analyst added this id meanwhile: the actor_id constraint says so.
      if ((error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') throw new Conflict(`actor '${actor.id}' exists`);
      throw error;
    }
  });
}

export async function addedActors(cypher: CypherSession): Promise<Actor[]> {
  return (await cypher.read('actors-added', {}, z.object({ actor: Actor }))).map((r) => r.actor);
}

async function historyOf(tx: Transaction, id: string): Promise<StoredHistoryEntry[]> {
  return (await tx.run('claim-history', { id }, StoredEntry)).map((r) => r.entry);
}

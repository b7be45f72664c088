/**
 * The analyst's claim writes, planned once for both stores: each request is checked against
 * what the store holds (the document's text, the actors' kinds, the claim at the revision the
 * analyst saw) and becomes one ClaimChange, which the store applies atomically after checking
 * again, under its lock, that the claim is still at that revision (checkHeld, below). So of two
 * writes naming the same revision exactly one lands; the other is a Conflict.
 */
import {
  type Actor,
  ActorId,
  type ClaimChange,
  type ClaimDraft,
  type ClaimPatch,
  type ClaimRecord,
  type ClaimView,
  type NewActor,
  type Rejection,
  type ReviewDecision,
  type HistoryAction,
  type HistoryEntry,
  signatureProblem,
} from '../domain/index.ts';
import { Conflict, InvalidInput, NotFound } from '../errors.ts';
import { compactName, slugName } from '../ingest/alias-index.ts';
import { claimId } from '../ingest/claim-id.ts';
import type { GraphStore } from './graph-store.ts';

/** Who writes: the analyst the bearer token names. */
export interface Author {
  analyst: string;
}

/** The fields a claim's id derives from (server/ingest/claim-id.ts). */
const IDENTITY = ['subject', 'type', 'object', 'start', 'end'] as const;

export async function createClaim(store: GraphStore, draft: ClaimDraft, { analyst }: Author): Promise<ClaimView> {
  const claim = await checkedRecord(store, { ...draft, origin: 'curated', revision: 1 });
  return store.changeClaim({ document: draft.document, claim, history: entry(analyst, 'create', claim.id) });
}

/** An edit; on an extracted claim a correction, which makes it curated. */
export async function updateClaim(store: GraphStore, id: string, { revision, ...patch }: ClaimPatch, { analyst }: Author): Promise<ClaimView> {
  const current = await currentClaim(store, id, revision);
  const merged: Record<string, unknown> = { ...toRecord(current), ...patch, origin: 'curated', revision: revision + 1 };
  for (const [field, value] of Object.entries(patch)) if (value === null) delete merged[field];
  delete merged.confidence;
  const claim = await checkedRecord(store, merged as Omit<ClaimRecord, 'id'>);
  const corrected = current.origin === 'extracted';
  return store.changeClaim({
    document: current.document,
    expected: { id, revision },
    claim,
    history: { ...entry(analyst, corrected ? 'correct' : 'update', claim.id), ...(claim.id !== id ? { previousId: id } : {}), before: current },
    // The extractor's version, corrected into another claim, does not come back when the document is extracted again.
    ...(corrected && claim.id !== id ? { rejection: rejectionOf(current) } : {}),
  });
}

/** Accept (the extracted claim becomes curated) or reject (it leaves, and stays out when the document is extracted again). */
export async function reviewClaim(store: GraphStore, id: string, { decision, revision }: ReviewDecision, { analyst }: Author): Promise<ClaimView> {
  const current = await currentClaim(store, id, revision);
  if (current.origin !== 'extracted')
    throw new InvalidInput(`claim '${id}' is ${current.origin}: only extracted claims are reviewed`, { parameter: 'decision' });
  const base = { document: current.document, expected: { id, revision } };
  if (decision === 'reject')
    return store.changeClaim({ ...base, history: { ...entry(analyst, 'reject', id), before: current }, rejection: rejectionOf(current) });
  const { confidence: _confidence, ...record } = toRecord(current);
  const claim: ClaimRecord = { ...record, origin: 'curated', revision: revision + 1 };
  return store.changeClaim({ ...base, claim, history: { ...entry(analyst, 'accept', id), before: current } });
}

/** The claim leaves graph and evidence; its history keeps it. */
export async function retractClaim(store: GraphStore, id: string, revision: number, { analyst }: Author): Promise<ClaimView> {
  const current = await currentClaim(store, id, revision);
  await store.changeClaim({
    document: current.document,
    expected: { id, revision },
    history: { ...entry(analyst, 'retract', id), before: current },
  });
  return current;
}

/** A new gazetteer actor: the id is the name's slug unless given. */
export async function addActor(store: GraphStore, input: NewActor): Promise<Actor> {
  const id = input.id ?? slugName(input.name, 100);
  if (!ActorId.safeParse(id).success) throw new InvalidInput(`the name '${input.name}' gives no usable id; give an id`, { parameter: 'id' });
  const actor: Actor = {
    id,
    name: input.name,
    kind: input.kind,
    aliases: [...new Set(input.aliases ?? [])],
    ...(input.description ? { description: input.description } : {}),
  };
  await store.addActor(actor);
  return actor;
}

/**
 * What a store checks under its lock before applying a change: the claim the change expects
 * is there at its revision, and a new claim's id is not another claim's. `held` answers from
 * the store's committed state; `successor` names the claim that replaced a gone id, if any.
 */
export function checkHeld(
  change: ClaimChange,
  held: { revisionOf(id: string): number | undefined; documentOf(id: string): string | undefined; successor(id: string): string | undefined },
): void {
  const { expected, claim } = change;
  if (expected) {
    const revision = held.revisionOf(expected.id);
    if (revision === undefined) throw goneConflict(expected.id, held.successor(expected.id));
    if (held.documentOf(expected.id) !== change.document) throw new InvalidInput(`claim '${expected.id}' is not in document '${change.document}'`);
    if (revision !== expected.revision)
      throw new Conflict(`claim '${expected.id}' is at revision ${revision}, not ${expected.revision}: someone changed it; reload it and try again`);
  }
  if (claim && claim.id !== expected?.id && held.revisionOf(claim.id) !== undefined)
    throw new Conflict(`the same claim exists in document '${claim.document}' (claim '${claim.id}')`);
}

function goneConflict(id: string, successor: string | undefined): Conflict {
  return new Conflict(
    successor ? `claim '${id}' was replaced by claim '${successor}'; change that one` : `claim '${id}' was retracted or rejected`,
  );
}

/** A history entry as a store keeps it: with its lineage, the first id of the claim, which links every id it had. */
export type StoredHistoryEntry = HistoryEntry & { lineage: string };

/** The lineage a change to (or creation of) claim `id` joins: that of the last change that produced `id`, else `id` itself. */
export function lineageOf(entries: readonly StoredHistoryEntry[], id: string): string {
  return entries.findLast((e) => e.claim === id)?.lineage ?? id;
}

/** The claim that replaced `id`, given its lineage's history (oldest first): none once the last change retracted or rejected. */
export function successorIn(entries: readonly HistoryEntry[], id: string): string | undefined {
  const last = entries.at(-1);
  return last && last.action !== 'retract' && last.action !== 'reject' && last.claim !== id ? last.claim : undefined;
}

/**
 * The claim as it is now, at the revision the analyst names: a claim that was replaced or
 * retracted is a Conflict naming its successor; one that never existed, NotFound.
 */
async function currentClaim(store: GraphStore, id: string, revision: number): Promise<ClaimView> {
  let current: ClaimView;
  try {
    current = await store.getClaim(id);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    throw goneConflict(id, successorIn(await store.claimHistory(id), id));
  }
  if (current.revision !== revision)
    throw new Conflict(`claim '${id}' is at revision ${current.revision}, not ${revision}: someone changed it; reload it and try again`);
  return current;
}

/** A claim record from draft fields, checked against the document text, the actors and the relation signature. */
async function checkedRecord(store: GraphStore, fields: Omit<ClaimRecord, 'id'>): Promise<ClaimRecord> {
  const document = await store.getDocument(fields.document);
  const { quote, start, end } = fields;
  if (end <= start || end > document.text.length)
    throw new InvalidInput(`start and end must lie within the document's ${document.text.length} characters, start before end`, { parameter: 'end' });
  if (document.text.slice(start, end) !== quote)
    throw new InvalidInput(`quote is not the text at [${start}, ${end}) of document '${document.id}'`, { parameter: 'quote' });
  if (!document.body.some(([s, e]) => start >= s && end <= e))
    throw new InvalidInput(`the quote lies outside the article text of document '${document.id}'`, { parameter: 'start' });
  if (fields.subject === fields.object) throw new InvalidInput(`subject and object are the same actor '${fields.subject}'`, { parameter: 'object' });
  const [subject, object] = await Promise.all(
    (['subject', 'object'] as const).map((field) =>
      store.getActor(fields[field]).catch((error: unknown) => {
        if (error instanceof NotFound) throw new InvalidInput(`${field}: no actor '${fields[field]}'`, { parameter: field });
        throw error;
      }),
    ),
  );
  const misfit = signatureProblem(fields.type, subject!.kind, object!.kind);
  if (misfit) throw new InvalidInput(`${subject!.id} ${fields.type} ${object!.id}: ${misfit}`, { parameter: 'type' });
  const attributedTo = fields.attributedTo === undefined ? undefined : await resolveAttribution(store, fields.attributedTo);
  const identity = Object.fromEntries(IDENTITY.map((f) => [f, fields[f]])) as Pick<ClaimRecord, (typeof IDENTITY)[number]>;
  return {
    ...fields,
    ...(attributedTo === undefined ? {} : { attributedTo }),
    id: claimId({ document: fields.document, ...identity }),
  };
}

/** As ingest reads `attributedTo` (server/ingest/corpus.ts): a name or alias of exactly one actor becomes its id. */
async function resolveAttribution(store: GraphStore, name: string): Promise<string> {
  const hits = (await store.searchActors(name, { limit: 10 })).filter(
    (hit) => hit.id === name || [hit.name, ...hit.aliases].some((n) => compactName(n) === compactName(name)),
  );
  return hits.length === 1 ? hits[0]!.id : name;
}

/** A claim view as a record: actors by id, without the document's display fields; revision 1 is left out, as ingest leaves it. */
export function toRecord({ documentTitle: _t, reliability: _r, subject, object, revision, ...claim }: ClaimView): ClaimRecord {
  return { ...claim, ...(revision > 1 ? { revision } : {}), subject: subject.id, object: object.id };
}

function rejectionOf(claim: ClaimView): Rejection {
  const { id, document, subject, type, object, quote, start, end } = toRecord(claim);
  return { id, document, subject, type, object, quote, start, end };
}

function entry(analyst: string, action: HistoryAction, claim: string): ClaimChange['history'] {
  return { at: new Date().toISOString(), analyst, action, claim };
}

/** A new actor may not take an id, nor a name or alias (compared as the gazetteer compares them) of `others`. */
export function checkNewActor(actor: Actor, others: Iterable<Actor>): void {
  const names = new Set([actor.name, ...actor.aliases].map(compactName));
  for (const other of others) {
    if (other.id === actor.id) throw new Conflict(`actor '${actor.id}' exists (${other.name})`);
    const shared = [other.name, ...other.aliases].find((n) => names.has(compactName(n)));
    if (shared !== undefined) throw new Conflict(`'${shared}' already names actor '${other.id}' (${other.name})`);
  }
}

/**
 * The checks of a write that the domain schemas cannot make, stated once for both stores:
 * a store answers two questions about what it already holds (StoredReferences) and these
 * functions decide. The messages match the embedded store's (server/store/embedded/graph-state.ts).
 */
import { z } from 'zod';
import { Actor, ClaimRecord, DocumentRecord, Rejection } from '../domain/index.ts';
import { InvalidInput } from '../errors.ts';
import type { DocumentUpsert } from './graph-store.ts';

export const ActorList = z.array(Actor);

/** The shape of a document upsert (DocumentUpsert), validated before any store writes it. */
export const DocumentUpsertInput = z.object({
  document: DocumentRecord,
  claims: z.array(ClaimRecord),
  actors: z.array(Actor),
  rejected: z.array(Rejection).optional(),
});

export interface StoredReferences {
  hasActor(id: string): boolean;
  /** The document that holds this claim id now, if any. */
  claimOwner(id: string): string | undefined;
}

/** A batch of upserts must not name a document twice. */
export function checkDistinctDocuments(upserts: DocumentUpsert[]): void {
  const seen = new Set<string>();
  for (const { document } of upserts) {
    if (seen.has(document?.id)) throw new InvalidInput(`document '${document.id}' is given twice in one batch`);
    seen.add(document?.id);
  }
}

/** An actor list must not name an id twice. */
export function checkUniqueActors(actors: Actor[]): void {
  if (new Set(actors.map((a) => a.id)).size < actors.length) throw new InvalidInput('actors: an actor id is given twice');
}

/**
 * Claims belong to this document, their ids are unique and not another document's, and
 * every claim's ends are actors of the upsert or of the store.
 */
export function checkReferences({ document, claims, actors }: DocumentUpsert, stored: StoredReferences): void {
  const problem = (message: string) => new InvalidInput(`document '${document.id}': ${message}`);
  const offered = new Set(actors.map((a) => a.id));
  if (offered.size < actors.length) throw problem('an actor id is given twice');
  const seen = new Set<string>();
  for (const claim of claims) {
    if (claim.document !== document.id) throw problem(`claim ${claim.id} belongs to document '${claim.document}'`);
    if (seen.has(claim.id)) throw problem(`claim ${claim.id} is given twice`);
    seen.add(claim.id);
    const owner = stored.claimOwner(claim.id);
    if (owner !== undefined && owner !== document.id) throw problem(`claim id ${claim.id} is taken by document '${owner}'`);
    for (const end of [claim.subject, claim.object])
      if (!offered.has(end) && !stored.hasActor(end))
        throw problem(`claim ${claim.id} names actor '${end}', which is neither among the document's actors nor in the store`);
  }
}

/** What one journal line holds: a committed unit, validated by the domain schemas on write and on replay. */
import { z } from 'zod';
import { Actor, ClaimChange } from '../../domain/index.ts';
import { DocumentUpsertInput } from '../upsert-checks.ts';

export const ActorsEntry = z.object({ op: z.literal('actors'), actors: z.array(Actor) });

/** A document with all its claims and the actors they name: in or out as one line. */
export const DocumentEntry = DocumentUpsertInput.extend({ op: z.literal('document') });
export type DocumentEntry = z.infer<typeof DocumentEntry>;

/** One analyst's claim change (server/store/claim-changes.ts), its history entry complete. */
export const ClaimChangeEntry = z.object({ op: z.literal('claim'), change: ClaimChange });

/** An actor an analyst added to the gazetteer. */
export const ActorAddedEntry = z.object({ op: z.literal('actor-added'), actor: Actor });

export const JournalEntry = z.discriminatedUnion('op', [ActorsEntry, DocumentEntry, ClaimChangeEntry, ActorAddedEntry]);
export type JournalEntry = z.infer<typeof JournalEntry>;

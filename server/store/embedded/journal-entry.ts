/** What one journal line holds: a committed unit, validated by the domain schemas on write and on replay. */
import { z } from 'zod';
import { Actor } from '../../domain/index.ts';
import { DocumentUpsertInput } from '../upsert-checks.ts';

export const ActorsEntry = z.object({ op: z.literal('actors'), actors: z.array(Actor) });

/** A document with all its claims and the actors they name: in or out as one line. */
export const DocumentEntry = DocumentUpsertInput.extend({ op: z.literal('document') });

export const JournalEntry = z.discriminatedUnion('op', [ActorsEntry, DocumentEntry]);
export type JournalEntry = z.infer<typeof JournalEntry>;

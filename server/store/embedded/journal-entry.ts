/** What one journal line holds: a committed unit, validated by the domain schemas on write and on replay. */
import { z } from 'zod';
import { Actor, ClaimRecord, DocumentRecord } from '../../domain/index.ts';
import { InvalidInput } from '../../errors.ts';

export const ActorsEntry = z.object({ op: z.literal('actors'), actors: z.array(Actor) });

/** A document with all its claims and the actors they name: in or out as one line. */
export const DocumentEntry = z.object({
  op: z.literal('document'),
  document: DocumentRecord,
  claims: z.array(ClaimRecord),
  actors: z.array(Actor),
});

export const JournalEntry = z.discriminatedUnion('op', [ActorsEntry, DocumentEntry]);
export type JournalEntry = z.infer<typeof JournalEntry>;

/** Parses with a schema, or throws InvalidInput naming the first bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  throw new InvalidInput(`${what}${field ? ` ${field}` : ''}: ${issue.message}`, field ? { parameter: field } : undefined);
}

/**
 * Zod failures as InvalidInput naming the field at fault: a CLI flag, a field of a write,
 * a journal line. (The API's request validation maps the same issues in api/error-handler.ts.)
 */
import type { z } from 'zod';
import { InvalidInput } from './errors.ts';

/** Parses with a schema, or throws InvalidInput for the first problem; `what` prefixes the message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what?: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const unknown = issue.code === 'unrecognized_keys';
  const field = unknown ? issue.keys[0] : issue.path.length > 0 ? issue.path.join('.') : undefined;
  const message = unknown ? `unknown parameter '${issue.keys.join("', '")}'` : issue.message;
  const subject = [what, unknown ? undefined : field].filter(Boolean).join(' ');
  throw new InvalidInput(subject ? `${subject}: ${message}` : message, field ? { parameter: field } : undefined);
}

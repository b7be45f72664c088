/** Zod problems as InvalidInput naming the parameter at fault (API query strings, CLI flags). */
import type { z } from 'zod';
import { InvalidInput } from '../errors.ts';

/** The parameter an issue is about: its path's first key, or the first unknown key. */
function issueParameter(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') return issue.keys[0];
  const first = issue.path[0];
  return first === undefined ? undefined : String(first);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown parameter '${issue.keys.join("', '")}'`;
  const parameter = issueParameter(issue);
  return parameter === undefined ? issue.message : `${parameter}: ${issue.message}`;
}

/** Parses or throws InvalidInput for the first problem. */
export function parseParameters<T extends z.ZodType>(schema: T, values: unknown): z.output<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InvalidInput(describeIssue(issue), { parameter: issueParameter(issue) });
}

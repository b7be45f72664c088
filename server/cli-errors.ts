/**
 * The CLI's one error printer. A user's mistake (bad input, a missing file, an unreachable
 * store) is one clear line per problem; only a defect in dyad itself prints a stack trace.
 */
import { DyadError, InvalidInputs } from './errors.ts';

/** What the operating system said about a file, without Node's stack ("ENOENT: no such file…, open '/x'"). */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';

/** Prints `error` to stderr and answers the exit code (1: the command failed). */
export function printError(error: unknown): number {
  if (error instanceof InvalidInputs) for (const p of error.problems) process.stderr.write(`${p.message}\n`);
  else if (error instanceof DyadError || isSystemError(error)) process.stderr.write(`dyad: ${error.message}\n`);
  else process.stderr.write(`dyad: unexpected error (a bug in dyad):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

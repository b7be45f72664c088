/**
 * One process per journal: a lock file beside it holding the owner's pid, so `dyad ingest`
 * cannot append while `dyad serve` has the same journal open (the server would never see
 * those lines, and two writers' chunks could interleave). A lock whose process is gone, as
 * after a crash or SIGKILL, is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { StoreUnavailable } from '../../errors.ts';

/** Takes the lock of the journal at `path`; resolves to its release. */
export async function lockJournal(path: string): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  const mine = String(process.pid);
  const release = async () => {
    if ((await readOwner(lockPath)) === process.pid) await rm(lockPath, { force: true });
  };
  // Twice at most: once more after clearing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, mine, { flag: 'wx' });
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(lockPath);
      if (owner !== undefined && owner !== process.pid && isAlive(owner))
        throw new StoreUnavailable(
          `the journal ${path} is in use by process ${owner}; stop it first (or remove ${lockPath} if that process is not dyad)`,
        );
      await rm(lockPath, { force: true });
    }
  }
  throw new StoreUnavailable(`the journal ${path} was locked by another process while this one opened it`);
}

/** The pid in a lock file; undefined when it is gone or unreadable (a crash between create and write). */
async function readOwner(lockPath: string): Promise<number | undefined> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

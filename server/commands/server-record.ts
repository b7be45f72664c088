/**
 * While `dyad serve` holds the embedded store, it records where it listens in server.json beside
 * the journal and its lock (owner-only: it may hold a session token). `dyad ingest` reads it to
 * send documents to that server instead of failing on the lock.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const ServerRecord = z.object({ url: z.string().url(), pid: z.number().int(), token: z.string().min(1).optional() });
export type ServerRecord = z.infer<typeof ServerRecord>;

const recordPath = (dataDir: string) => join(dataDir, 'server.json');

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Writes the record; resolves to its removal (only if it is still this process's). */
export async function recordServer(dataDir: string, record: Omit<ServerRecord, 'pid'>): Promise<() => Promise<void>> {
  const path = recordPath(dataDir);
  await writeFile(path, JSON.stringify({ ...record, pid: process.pid }), { mode: 0o600 });
  return async () => {
    if ((await findLocalServer(dataDir))?.pid === process.pid) await rm(path, { force: true });
  };
}

/** The running server recorded under `dataDir`, if its process is alive. */
export async function findLocalServer(dataDir: string): Promise<ServerRecord | undefined> {
  const text = await readFile(recordPath(dataDir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = ServerRecord.safeParse(json);
  return parsed.success && isAlive(parsed.data.pid) ? parsed.data : undefined;
}

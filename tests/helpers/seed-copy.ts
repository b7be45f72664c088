/** A scratch copy of seeds/ to break on purpose. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedsDir } from './seed.ts';

export async function copySeeds(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'dyad-seeds-')), 'seeds');
  await cp(seedsDir, dir, { recursive: true });
  return dir;
}

/**
 * The external sort of the bulk import's relations: entries come back by key and, among equal
 * keys, in the order added, whether they stayed held or went to several run files.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, test } from 'vitest';
import { compareKeys } from '../../../../server/graph/aggregate.ts';
import { ExternalSort } from '../../../../server/store/neo4j/bulk/external-sort.ts';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dyad-external-sort-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function sorted(entries: Array<[string, string]>, runChars: number) {
  const dir = await tempDir();
  const sort = new ExternalSort(dir, runChars);
  for (const [key, value] of entries) await sort.add(key, value);
  const runs = (await readdir(dir)).length;
  const out: Array<[string, string]> = [];
  for await (const entry of sort.entries()) out.push(entry);
  return { out, runs };
}

describe('ExternalSort', () => {
  it('gives entries by key, equal keys in the order added, across several runs', async () => {
    const entries: Array<[string, string]> = [
      ['b', '1'],
      ['a', '2'],
      ['b', '3'],
      ['c', 'x y'],
      ['a', '{"quoted":"tab\\there"}'],
      ['b', ''],
    ];
    const { out, runs } = await sorted(entries, 8);
    expect(runs).toBeGreaterThan(1);
    expect(out).toEqual([
      ['a', '2'],
      ['a', '{"quoted":"tab\\there"}'],
      ['b', '1'],
      ['b', '3'],
      ['b', ''],
      ['c', 'x y'],
    ]);
  });

  it('writes no run while what it holds stays under the run size', async () => {
    const { out, runs } = await sorted(
      [
        ['z', '1'],
        ['y', '2'],
      ],
      1000,
    );
    expect(runs).toBe(0);
    expect(out).toEqual([
      ['y', '2'],
      ['z', '1'],
    ]);
  });

  it('refuses a key with a tab or a value with a line break', async () => {
    const sort = new ExternalSort(await tempDir());
    await expect(sort.add('a\tb', 'v')).rejects.toThrow('tab or line break');
    await expect(sort.add('a', 'v\nw')).rejects.toThrow('tab or line break');
  });

  test('equals a stable in-memory sort for any entries and run size', async () => {
    const entry = fc.tuple(fc.stringMatching(/^[a-e|]{0,3}$/), fc.string({ maxLength: 6 }).map((s) => s.replace(/[\n\r]/g, '')));
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 60 }), fc.integer({ min: 1, max: 80 }), async (entries, runChars) => {
        const { out } = await sorted(entries, runChars);
        expect(out).toEqual([...entries].sort((a, b) => compareKeys(a[0], b[0])));
      }),
      { numRuns: 100 },
    );
  });
});

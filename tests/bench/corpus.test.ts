/** The benchmark's generated corpus: the same files for the same size, and valid seeds (what `dyad check` accepts). */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeeds } from '../../server/ingest/seed-dir.ts';
import { dyad } from '../helpers/cli.ts';
import { generateCorpus } from './corpus.ts';

async function files(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return new Map(await Promise.all(names.map(async (e) => [join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name), 'utf8')] as const)));
}

describe('the benchmark corpus', () => {
  it('is the same for the same size, in the seeds’ format, and passes dyad check', async () => {
    const [a, b] = await Promise.all([mkdtemp(join(tmpdir(), 'dyad-bench-')), mkdtemp(join(tmpdir(), 'dyad-bench-'))]);
    const first = await generateCorpus(a, 400);
    const second = await generateCorpus(b, 400);
    expect(second.manifest).toEqual(first.manifest);
    const written = await files(first.dir);
    expect(await files(second.dir)).toEqual(written);
    expect(first.manifest).toMatchObject({ claims: 400, documents: 20, actors: 40 });
    expect([...written.keys()].filter((f) => f.endsWith('.txt'))).toHaveLength(20);
    expect(written.has('/actors.yaml')).toBe(true);
    expect(written.has(`/claims/${first.manifest.document}.yaml`)).toBe(true);

    const checked = await checkSeeds(first.dir);
    expect(checked.problems).toEqual([]);
    const claims = checked.documents.flatMap((d) => d.prepared.upsert?.claims ?? []);
    expect(claims).toHaveLength(400);
    // Heavy-tailed degrees: the hub has many times the median actor's claims.
    const degree = (id: string) => claims.filter((c) => c.subject === id || c.object === id).length;
    expect(degree(first.manifest.hubs[0])).toBeGreaterThan(4 * degree(first.manifest.median));

    const cli = await dyad('check', first.dir);
    expect(cli.code).toBe(0);
    // The seeds' gazetteer, extended by the corpus's own actors.yaml.
    expect(cli.stdout).toMatch(/20 documents, 400 claims, \d+ actors/);
  });
});

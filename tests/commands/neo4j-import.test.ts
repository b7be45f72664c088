/**
 * `dyad neo4j-import` as a user runs it: --files-only writes the CSV files, the manifest and
 * neo4j-admin's options and prints the command; a bad document is listed naming its file and
 * makes the exit code 1; a Neo4j dyad does not run is not imported into directly.
 */
import { readdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.ts';
import { seedsDir } from '../helpers/seed.ts';
import { copySeeds } from '../helpers/seed-copy.ts';

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dyad-neo4j-import-'));
  scratch.push(dir);
  return dir;
};

describe('dyad neo4j-import', () => {
  it('--files-only writes the files and the neo4j-admin options, and says how to import them', async () => {
    const out = join(await tempDir(), 'files');
    const { code, stdout, stderr } = await cli(() => ({ NEO4J_URI: '', DYAD_SEEDS_DIR: seedsDir }))('neo4j-import', '--out', out, '--files-only');
    expect(stderr).not.toContain('rejected');
    expect(code).toBe(0);
    expect(stdout).toMatch(/5 documents: 5 written, 0 rejected; \d+ claims, \d+ actors, \d+ relations/);
    expect(stdout).toContain('neo4j-admin database import full $(cat import.args) neo4j');
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'import.args', 'actors-1-header.csv', 'claims-1.csv', 'relations-1.csv']));
    const args = (await readFile(join(out, 'import.args'), 'utf8')).trim().split('\n');
    expect(args).toContain('--nodes=Claim=claims-1-header.csv,claims-1.csv');
    expect(args).toContain('--relationships=RELATION=relations-1-header.csv,relations-1.csv');
  });

  it('lists a rejected document with the file at fault, and exits 1', async () => {
    const seeds = await copySeeds();
    scratch.push(join(seeds, '..'));
    const meta = join(seeds, '002_51eec4bc261835c7.meta.yaml');
    await writeFile(meta, 'id: 002_51eec4bc261835c7\ntitle: [unclosed\n');
    const out = join(await tempDir(), 'files');
    const { code, stdout, stderr } = await cli(() => ({ NEO4J_URI: '', DYAD_SEEDS_DIR: seeds }))('neo4j-import', seeds, '--out', out, '--files-only');
    expect(code).toBe(1);
    expect(stderr).toContain('rejected 002_51eec4bc261835c7');
    expect(stderr).toContain(meta);
    expect(stdout).toContain('5 documents: 4 written, 1 rejected');
  });

  it('does not import into a Neo4j it does not run, and --finish needs one', async () => {
    const out = join(await tempDir(), 'files');
    const remote = await cli(() => ({ NEO4J_URI: 'bolt://127.0.0.1:1', DYAD_SEEDS_DIR: seedsDir }))('neo4j-import', '--out', out);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain('--files-only');
    const finish = await cli(() => ({ NEO4J_URI: '' }))('neo4j-import', '--out', out, '--finish');
    expect(finish.code).toBe(1);
    expect(finish.stderr).toContain('set NEO4J_URI');
  });
});

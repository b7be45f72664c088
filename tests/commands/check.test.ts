import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, dyad } from '../helpers/cli.ts';
import { seedsDir } from '../helpers/seed.ts';
import { copySeeds } from '../helpers/seed-copy.ts';

describe('dyad check', () => {
  it('passes on seeds/', async () => {
    const result = await dyad('check', 'seeds');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is valid: 5 documents, \d+ claims/);
  });

  it('exits 1 naming the file and line of each problem', async () => {
    const dir = await copySeeds();
    const claims = join(dir, 'claims', '001_977e6d2ceaf3d2f9.yaml');
    await writeFile(
      claims,
      'claims:\n  - subject: ttp\n    type: SUPPORTS\n    object: al-qaeda\n    certainty: certain\n    quote: "training suicide bombers"\n',
    );
    await writeFile(join(dir, 'claims', 'nowhere.yaml'), 'claims: []\n');
    const result = await dyad('check', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${claims}:5: claims.0.certainty`);
    expect(result.stderr).toContain('nowhere.yaml: no document nowhere.txt');
  });
});

describe('dyad check DIR and dyad ingest DIR: one gazetteer rule', () => {
  const TEXT = 'Report\n\nThe New Front clashed with the Pakistani Taliban near Bannu.\n';
  const CLAIMS = 'claims:\n  - subject: new-front\n    type: CLASHES_WITH\n    object: ttp\n    certainty: asserted\n    quote: "The New Front clashed with the Pakistani Taliban"\n';
  const NEW_ACTOR = 'actors:\n  - id: new-front\n    name: New Front\n    kind: group\n    aliases: []\n';

  async function folder(actors?: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'dyad-dir-'));
    await mkdir(join(dir, 'claims'));
    await writeFile(join(dir, 'report.txt'), TEXT);
    await writeFile(join(dir, 'claims', 'report.yaml'), CLAIMS);
    if (actors) await writeFile(join(dir, 'actors.yaml'), actors);
    return dir;
  }

  it("uses the seeds' gazetteer when DIR has none, and names the actor it lacks", async () => {
    const dir = await folder();
    const result = await dyad('check', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'claims', 'report.yaml')}:2: claim 1`);
    expect(result.stderr).toContain('new-front');
    expect(result.stderr).not.toContain('gazetteer is missing');
  });

  it("DIR/actors.yaml extends the seeds' gazetteer, for check and ingest alike", async () => {
    const dir = await folder(NEW_ACTOR);
    const seedActors = (parse(await readFile(join(seedsDir, 'actors.yaml'), 'utf8')) as { actors: unknown[] }).actors.length;
    const checked = await dyad('check', dir);
    expect(checked.stdout).toContain(`is valid: 1 documents, 1 claims, ${seedActors + 1} actors`);
    const dataDir = await mkdtemp(join(tmpdir(), 'dyad-data-'));
    const ingested = await cli(() => ({ DYAD_DATA_DIR: dataDir, NEO4J_URI: '' }))('ingest', dir);
    expect(ingested.stdout).toContain(`ingest: 1 documents: 1 created, 0 updated, 0 unchanged, 0 rejected; 1 claims; ${seedActors + 1} actors changed`);
    expect(ingested.code).toBe(0);
  });

  it('an extension may not redefine a seed actor', async () => {
    const dir = await folder(`${NEW_ACTOR}  - id: ttp\n    name: Someone else\n    kind: group\n    aliases: []\n`);
    const result = await dyad('check', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${join(dir, 'actors.yaml')}:6: duplicate actor id 'ttp' \\(first at .*seeds/actors\\.yaml:\\d+\\)`));
  });
});

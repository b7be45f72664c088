import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dyad } from '../helpers/cli.ts';
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

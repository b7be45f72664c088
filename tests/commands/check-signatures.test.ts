import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dyad } from '../helpers/cli.ts';
import { copySeeds } from '../helpers/seed-copy.ts';

describe('dyad check: relation signatures', () => {
  it('rejects a curated claim outside its type’s signature, naming file, line and kinds', async () => {
    const dir = await copySeeds();
    const claims = join(dir, 'claims', '001_977e6d2ceaf3d2f9.yaml');
    await writeFile(
      claims,
      'claims:\n  - subject: ttp\n    type: SUPPORTS\n    object: al-qaeda\n    certainty: asserted\n    quote: "training suicide bombers"\n' +
        '  - subject: ttp\n    type: OPERATES_IN\n    object: al-qaeda\n    certainty: asserted\n    quote: "training suicide bombers"\n',
    );
    const result = await dyad('check', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${claims}:7: claim 2: ttp OPERATES_IN al-qaeda: OPERATES_IN takes a place, state as object, not a group`);
    expect(result.stderr).not.toContain('claim 1');
  });
});

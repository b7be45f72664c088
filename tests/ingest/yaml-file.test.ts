import { describe, expect, it } from 'vitest';
import { CuratedClaimsFile } from '../../server/domain/index.ts';
import { InvalidInput } from '../../server/errors.ts';
import { parseYaml } from '../../server/ingest/yaml-file.ts';

describe('parseYaml', () => {
  it('names the line and column of a YAML syntax error, not line 1', () => {
    const source = 'claims:\n  - subject: ttp\n    type: SUPPORTS\n   object: al-qaeda\n';
    const { problems, value } = parseYaml('claims/doc1.yaml', source, CuratedClaimsFile);
    expect(value).toBeUndefined();
    expect(problems[0]).toBeInstanceOf(InvalidInput);
    expect(problems[0]!.where).toMatchObject({ file: 'claims/doc1.yaml', line: 4 });
    expect(problems[0]!.message).toMatch(/^claims\/doc1\.yaml:4:1: YAML: /);
  });

  it('places an error in the middle of a line at its column', () => {
    const { problems } = parseYaml('c.yaml', 'claims: []\nnote: x: y\n', CuratedClaimsFile);
    expect(problems[0]!.message).toMatch(/^c\.yaml:2:7: YAML: Nested mappings/);
  });

  it('names the line of a schema problem', () => {
    const source = 'claims:\n  - subject: ttp\n    type: SUPPORTS\n    object: al-qaeda\n    certainty: certain\n    quote: q\n';
    const { problems } = parseYaml('c.yaml', source, CuratedClaimsFile);
    expect(problems[0]!.message).toMatch(/^c\.yaml:5: claims\.0\.certainty/);
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dyad } from '../../helpers/cli.ts';
import { ClaimLine } from '../../../server/domain/index.ts';


describe('dyad extract', () => {
  it('prints one claim a line, actors expanded, quotes at their offsets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dyad-extract-'));
    const text = 'Teaser: ignore me. The TTP attacked the BLA.\nBody starts\nThe Baloch Republican Army (BRA) attacked Pakistan.\nEnd\nThe TTP attacked Pakistan.';
    await writeFile(join(dir, 'raw-note.txt'), text);
    await writeFile(join(dir, 'raw-note.meta.yaml'), 'id: raw-note\ntitle: A note\nbody:\n  startAfter: Body starts\n  endBefore: End\n');
    const result = await dyad('extract', join(dir, 'raw-note.txt'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => ClaimLine.parse(JSON.parse(l)));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      document: 'raw-note',
      type: 'CLASHES_WITH',
      subject: { id: 'baloch-republican-army', name: 'Baloch Republican Army', kind: 'group', aliases: ['BRA'] },
      object: { id: 'pakistan', name: 'Pakistan', kind: 'state' },
      certainty: 'asserted',
      origin: 'extracted',
    });
    expect(text.slice(line!.start, line!.end)).toBe(line!.quote);
  });

  it('names a file it cannot read and exits 1', async () => {
    const result = await dyad('extract', 'nowhere/missing.txt');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nowhere/missing.txt');
    expect(result.stdout).toBe('');
  });
});

/** The extract-dev gold format: a folder of texts with close readings that name their actors. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../server/errors.ts';
import { distinctRelations, GoldNames, loadGoldDir } from '../../../server/ingest/extract/gold.ts';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dyad-gold-'));
  await mkdir(join(dir, 'gold'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const GOLD = `document: a
actors:
  - {name: "Tehrik-i-Taliban Pakistan", kind: group, aliases: ["TTP"]}
  - {name: "Kabul (city)", kind: place, aliases: []}
claims:
  - {subject: "TTP", type: OPERATES_IN, object: "Kabul (city)", certainty: asserted, quote: "The TTP is active in Kabul."}
`;

describe('gold folders', () => {
  it('reads each text with its close reading, actors by name', async () => {
    const dir = await folder({ 'a.txt': 'The TTP is active in Kabul.', 'gold/a.yaml': GOLD, 'b.txt': 'no reading for this one' });
    const { documents, names } = await loadGoldDir(dir);
    expect(documents.map((d) => d.document)).toEqual(['a']);
    expect(documents[0]!.expected[0]).toMatchObject({ subject: 'TTP', type: 'OPERATES_IN', object: 'Kabul (city)' });
    expect(names.resolve({ id: 'ttp', name: 'Tehrik-e-Taliban Pakistan', aliases: ['TTP'] })).toBe('Tehrik-i-Taliban Pakistan');
    expect(names.resolve({ id: 'kabul-city', name: 'Kabul', aliases: [] })).toBe('Kabul (city)');
    expect(names.resolve({ id: 'x', name: 'Somewhere Else', aliases: [] })).toBeUndefined();
  });

  it('names a bad reading and its line', async () => {
    const dir = await folder({ 'a.txt': 'text', 'gold/a.yaml': GOLD.replace('OPERATES_IN', 'LIVES_IN') });
    await expect(loadGoldDir(dir)).rejects.toThrow(InvalidInput);
    await expect(loadGoldDir(dir)).rejects.toThrow(/a\.yaml/);
  });

  it('counts a relation once per document, either order when symmetric', () => {
    const base = { document: 'a', certainty: 'asserted' as const, quote: 'q', start: 0, end: 1, origin: 'extracted' as const };
    const claims = [
      { ...base, id: '1', subject: 'X', type: 'ALLIED_WITH' as const, object: 'Y', confidence: 0.5 },
      { ...base, id: '2', subject: 'Y', type: 'ALLIED_WITH' as const, object: 'X', confidence: 0.7 },
      { ...base, id: '3', subject: 'X', type: 'SUPPORTS' as const, object: 'Y' },
      { ...base, id: '4', subject: 'Y', type: 'SUPPORTS' as const, object: 'X' },
    ];
    expect(distinctRelations(claims).map((c) => c.id).sort()).toEqual(['2', '3', '4']);
    expect(new GoldNames([]).resolve({ id: 'x', name: 'X', aliases: [] })).toBeUndefined();
  });
});

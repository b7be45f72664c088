import { readFile, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { RelationType } from '../../../server/domain/index.ts';
import { InvalidInput } from '../../../server/errors.ts';
import { LEXICON_PATH, loadLexicon } from '../../../server/ingest/extract/lexicon.ts';

async function variant(edit: (lexicon: Record<string, any>) => void): Promise<string> {
  const lexicon = parse(await readFile(LEXICON_PATH, 'utf8'));
  edit(lexicon);
  const path = join(await mkdtemp(join(tmpdir(), 'dyad-lexicon-')), 'lexicon.yaml');
  await writeFile(path, stringify(lexicon));
  return path;
}

describe('the lexicon', () => {
  it('validates, and has patterns for every relation type', () => {
    const lexicon = loadLexicon();
    expect(new Set(lexicon.patterns.map((p) => p.type))).toEqual(new Set(RelationType.options));
    expect(new Set([...lexicon.hedges.values()].flat().map((h) => h.certainty))).toEqual(new Set(['denied', 'alleged', 'speculative', 'reported']));
  });

  it('gives a kind to every noun it lets into a name', () => {
    const lexicon = loadLexicon();
    expect(lexicon.nameHeads.size).toBeGreaterThan(0);
    for (const head of lexicon.nameHeads) expect(lexicon.inName.get(head), head).toBeDefined();
  });

  it('rejects a missing relation type, naming the file', async () => {
    const path = await variant((l) => delete l.relations.LOCATED_IN);
    expect(() => loadLexicon(path)).toThrow(InvalidInput);
    expect(() => loadLexicon(path)).toThrow(path);
  });

  it('rejects an unknown frame or actor kind', async () => {
    const frame = await variant((l) => (l.relations.SUPPORTS.patterns[0].frame = 'sideways'));
    expect(() => loadLexicon(frame)).toThrow(InvalidInput);
    const kind = await variant((l) => (l.relations.SUPPORTS.subject = ['militia']));
    expect(() => loadLexicon(kind)).toThrow(InvalidInput);
  });

  it('lets an analyst add a cue without touching code', async () => {
    const path = await variant((l) => l.relations.RIVAL_OF.patterns[0].cues.push('squabbles with'));
    const cues = loadLexicon(path).patterns.filter((p) => p.type === 'RIVAL_OF').map((p) => p.cue.join(' '));
    expect(cues).toContain('squabbl with');
  });
});

/**
 * Extraction stays linear-ish on hostile input (issue 14.1): one unpunctuated megabyte of
 * actor names and verbs, a megabyte of acronym definitions, nested quotes, possessives and
 * hedges each extract in a few seconds. Asserted loosely: ≤ 5 s of this process's CPU time,
 * which a busy shared machine does not inflate as it does wall time. The overlong run is read
 * in bounded pieces, not dropped.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../../server/ingest/extract/index.ts';
import { MAX_SENTENCE_TOKENS, splitSentences } from '../../../server/ingest/extract/text.ts';
import { defaultLexicon } from '../../../server/ingest/extract/lexicon.ts';
import { loadGazetteer } from '../../../server/ingest/gazetteer.ts';
import { seedsDir } from '../../helpers/seed.ts';
import { hostileTexts } from './hostile-texts.ts';

const { index } = await loadGazetteer(join(seedsDir, 'actors.yaml'));
const MB = 1_000_000;

describe('extraction on hostile text', () => {
  for (const [name, text] of Object.entries(hostileTexts(MB))) {
    it(`${name}: 1 MB in ≤ 5 s of CPU`, () => {
      const started = process.cpuUsage();
      const { claims } = extract({ document: 'hostile', text, body: [[0, text.length]] }, index);
      const used = process.cpuUsage(started);
      expect((used.user + used.system) / 1e6).toBeLessThanOrEqual(5);
      for (const c of claims.slice(0, 100)) expect(text.slice(c.start, c.end)).toBe(c.quote);
    }, 120_000);
  }

  it('cuts an overlong sentence into pieces of bounded length that cover it', () => {
    const text = hostileTexts(50_000)['one unpunctuated sentence of actor names and verbs']!;
    const sentences = splitSentences(text, [[0, text.length]], defaultLexicon().abbreviations);
    expect(sentences.length).toBeGreaterThan(10);
    for (const s of sentences) expect(s.tokens.length).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
    expect(sentences[0]!.start).toBe(0);
    expect(sentences.at(-1)!.end).toBe(text.trimEnd().length);
    expect(sentences.reduce((n, s) => n + s.tokens.length, 0)).toBe(splitSentences(text, [[0, text.length]], new Set()).reduce((n, s) => n + s.tokens.length, 0));
  });

  it('still finds the relations of an overlong run', () => {
    const text = hostileTexts(20_000)['one unpunctuated sentence of actor names and verbs']!;
    const { claims } = extract({ document: 'hostile', text, body: [[0, text.length]] }, index);
    expect(claims.some((c) => c.subject === 'ttp' && c.type === 'CLASHES_WITH' && c.object === 'pakistan')).toBe(true);
  });
});

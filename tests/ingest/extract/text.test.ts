import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../../server/ingest/extract/lexicon.ts';
import { splitSentences, stem, tokenize } from '../../../server/ingest/extract/text.ts';

const { abbreviations } = defaultLexicon();
const sentencesOf = (text: string) => splitSentences(text, [[0, text.length]], abbreviations).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not end a sentence at U.S., Dr. or an initial', () => {
    const text = 'Pakistani authorities, with U.S. intelligence, arrested him. Dr. Allah Nazar leads the BLF. J. Smith wrote it.';
    expect(sentencesOf(text)).toEqual([
      'Pakistani authorities, with U.S. intelligence, arrested him.',
      'Dr. Allah Nazar leads the BLF.',
      'J. Smith wrote it.',
    ]);
  });

  it('ends sentences at line breaks and keeps closing quotes', () => {
    const text = 'He said “the group is gone.” Then he left\nA heading\n\nAnother line.';
    expect(sentencesOf(text)).toEqual(['He said “the group is gone.”', 'Then he left', 'A heading', 'Another line.']);
  });

  it('reads only the body spans, with offsets into the whole text', () => {
    const text = 'Teaser line. The TTP attacked Pakistan. Footer.';
    const body: [number, number][] = [[13, 39]];
    const [only, ...rest] = splitSentences(text, body, abbreviations);
    expect(rest).toEqual([]);
    expect(text.slice(only!.start, only!.end)).toBe('The TTP attacked Pakistan.');
  });
});

describe('tokenize', () => {
  it('keeps exact offsets and splits the possessive', () => {
    const text = 'ISIS-K’s base';
    const tokens = tokenize(text, 0, text.length);
    expect(tokens.map((t) => t.text)).toEqual(['ISIS', '-', 'K', '’s', 'base']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('stem', () => {
  it('gives a cue and its inflections one form', () => {
    for (const [a, b] of [
      ['attack', 'attacked'],
      ['harbour', 'harbouring'],
      ['clash', 'clashes'],
      ['deny', 'denies'],
      ['plan', 'planned'],
      ['finance', 'financing'],
    ])
      expect(stem(a!)).toBe(stem(b!));
  });
});

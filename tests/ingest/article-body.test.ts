import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleBody } from '../../server/ingest/article-body.ts';

const text003 = readFileSync('seeds/003_b51d1550b1715137.txt', 'utf8');

describe('articleBody', () => {
  it('is the whole text without a rule', () => {
    expect(articleBody('abc\ndef', undefined)).toEqual({ spans: [[0, 7]] });
  });

  it('keeps the lines between startAfter and endBefore, less excluded lines', () => {
    const result = articleBody(text003, {
      startAfter: '723 Views',
      endBefore: 'Translated by Ashraf Hemmati from the original Persian article written by Navid Daneshvar',
      excludeLines: [],
    });
    if (!('spans' in result)) throw new Error(result.error);
    const article = result.spans.map(([s, e]) => text003.slice(s, e)).join('\n');
    expect(article.startsWith('The New Sanctuary')).toBe(true);
    expect(article).toContain('Analysts warn that Pakistan’s quiet support for anti-Taliban factions');
    expect(article).not.toContain('723 Views');
    expect(article).not.toContain('https://');
  });

  it('drops excluded lines and splits the body around them', () => {
    const result = articleBody('one\nYou May Like To Read: x\ntwo\nthree', { excludeLines: ['^You May Like'] });
    expect(result).toEqual({ spans: [[0, 3], [28, 37]] });
  });

  it('names the rule that does not fit the text', () => {
    expect(articleBody('a\nb', { endBefore: 'Scroll to Top', excludeLines: [] })).toEqual({
      error: "body.endBefore: no line after the start reads 'Scroll to Top'",
    });
    expect(articleBody('a', { excludeLines: ['('] })).toHaveProperty('error');
  });
});

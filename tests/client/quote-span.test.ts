import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE, quoteSpan } from '../../client/src/quote-span.ts';

const seed = readFileSync(new URL('../../seeds/001_977e6d2ceaf3d2f9.txt', import.meta.url), 'utf8');

describe('quoteSpan', () => {
  it('trims whitespace off a selection of a seed text and keeps the exact span', () => {
    const sentence = 'Pakistan';
    const at = seed.indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    const span = quoteSpan(seed, at - 1, at + sentence.length + 1, ` ${sentence} `);
    if (seed[at - 1] === ' ' && /\s/.test(seed[at + sentence.length]!)) expect(span).toEqual({ start: at, end: at + sentence.length, quote: sentence });
    else expect('quote' in span && seed.slice(span.start, span.end) === span.quote).toBe(true);
  });

  it('takes the ends in either order (a selection made backwards)', () => {
    expect(quoteSpan('one two three', 8, 4)).toEqual({ start: 4, end: 7, quote: 'two' });
  });

  it('refuses an empty or blank selection, and says so', () => {
    expect(quoteSpan('one two', 3, 4)).toHaveProperty('problem');
    expect(quoteSpan('one two', 2, 2)).toHaveProperty('problem');
  });

  it('refuses a selection whose text does not read as the span (selected outside the text)', () => {
    expect(quoteSpan('one two three', 4, 7, 'two')).toEqual({ start: 4, end: 7, quote: 'two' });
    expect(quoteSpan('one two three', 4, 7, 'Close two')).toHaveProperty('problem');
    // Line breaks in a selection read as spaces.
    expect(quoteSpan('one\ntwo three', 0, 7, 'one two')).toEqual({ start: 0, end: 7, quote: 'one\ntwo' });
  });

  it('refuses a quote longer than a claim takes', () => {
    const text = 'x'.repeat(MAX_QUOTE + 10);
    expect(quoteSpan(text, 0, MAX_QUOTE + 1)).toHaveProperty('problem');
    expect(quoteSpan(text, 0, MAX_QUOTE)).toHaveProperty('quote');
  });

  it('always answers a span of the text without outer whitespace, inside the selection', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '\t') }), fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }), (text, a, b) => {
        const span = quoteSpan(text, a, b);
        if ('problem' in span) {
          const lo = Math.max(0, Math.min(a, b));
          const hi = Math.max(lo, Math.min(text.length, Math.max(a, b)));
          return text.slice(lo, hi).trim() === '';
        }
        return (
          text.slice(span.start, span.end) === span.quote &&
          span.quote === span.quote.trim() &&
          span.start >= Math.min(a, b) &&
          span.end <= Math.max(a, b) &&
          span.quote.length > 0
        );
      }),
    );
  });
});

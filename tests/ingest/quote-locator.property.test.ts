/** Quote location as properties: any slice of any text is found exactly where it was cut, and only inside the body. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { locateQuote } from '../../server/ingest/quote-locator.ts';

/** Texts with repeats, so the same quote often occurs more than once. */
const text = fc.array(fc.constantFrom('ab', 'a', 'b', ' ', 'TTP', '’', '\n', 'é', '“x”'), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
const sliced = text.chain((t) =>
  fc
    .tuple(fc.nat({ max: t.length - 1 }), fc.nat({ max: t.length - 1 }))
    .map(([a, b]) => ({ t, start: Math.min(a, b), end: Math.max(a, b) + 1 })),
);

/** The 1-based rank of the occurrence at `start`, counted by hand. */
const rankAt = (t: string, quote: string, start: number) => {
  let rank = 1;
  for (let i = 0; i < start; i++) if (t.startsWith(quote, i)) rank++;
  return rank;
};

describe('locateQuote', () => {
  test('finds the n-th occurrence exactly where the quote was cut', () => {
    fc.assert(
      fc.property(sliced, ({ t, start, end }) => {
        const quote = t.slice(start, end);
        expect(locateQuote(t, quote, [[0, t.length]], rankAt(t, quote, start))).toEqual({ ok: true, start, end });
      }),
    );
  });

  test('refuses an occurrence that lies outside the body, and one that does not exist', () => {
    fc.assert(
      fc.property(sliced, ({ t, start, end }) => {
        const quote = t.slice(start, end);
        const rank = rankAt(t, quote, start);
        // A body that stops one character short of the quote.
        expect(locateQuote(t, quote, [[0, end - 1]], rank).ok).toBe(false);
        let count = 0;
        for (let i = 0; i < t.length; i++) if (t.startsWith(quote, i)) count++;
        expect(locateQuote(t, quote, [[0, t.length]], count + 1).ok).toBe(false);
      }),
    );
  });

  test('a quote that is not in the text is never located', () => {
    fc.assert(
      fc.property(text, fc.string({ minLength: 1, maxLength: 8 }), (t, quote) => {
        fc.pre(!t.includes(quote));
        expect(locateQuote(t, quote, [[0, t.length]]).ok).toBe(false);
      }),
    );
  });
});

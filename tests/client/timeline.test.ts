/** The timeline's counting: dated claims per year, each in every year its `when` overlaps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsByYear, timelineQuery } from '../../client/src/timeline.ts';

describe('claimsByYear', () => {
  it('counts a dated claim in each year it covers, within the extent, and skips undated ones', () => {
    const counts = claimsByYear(['2021-08-15', '2019/2022', '2023-05', undefined, '2024/..', '1990'], [2018, 2025]);
    expect(Object.fromEntries(counts)).toEqual({ 2018: 0, 2019: 1, 2020: 1, 2021: 2, 2022: 1, 2023: 1, 2024: 1, 2025: 1 });
  });

  it('gives each year the number of claims a window of that year admits', () => {
    const year = fc.integer({ min: 1995, max: 2030 });
    const when = fc.oneof(
      year.map(String),
      fc.tuple(year, year).map(([a, b]) => `${Math.min(a, b)}/${Math.max(a, b)}`),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.array(when, { maxLength: 40 }), (whens) => {
        const counts = claimsByYear(whens, [2000, 2025]);
        for (const [y, n] of counts) {
          const admitted = whens.filter((w) => {
            if (!w) return false;
            const [a, b = a] = w.split('/').map(Number);
            return a! <= y && y <= b!;
          });
          expect(n).toBe(admitted.length);
        }
      }),
    );
  });
});

describe('timelineQuery', () => {
  it('keeps every claim filter but the window and the relation thresholds', () => {
    expect(timelineQuery({ documents: ['d1'], certainty: ['denied'], from: '2020', to: '2021', minClaims: 2, minDocuments: 2 })).toEqual({
      documents: ['d1'],
      certainty: ['denied'],
    });
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Certainty } from '../../server/domain/index.ts';
import { type Evidence, mergeAttributes, relationAttributes } from '../../server/graph/aggregate.ts';

const when = fc.constantFrom(undefined, '2019', '2019-05', '2019-05-02', '2020/..', '../2018', '2018/2021', '2021-12', '2021');
const evidence = (documents: string[]) =>
  fc.array(fc.record({ document: fc.constantFrom(...documents), certainty: fc.constantFrom(...Certainty.options), when }), {
    minLength: 1,
    maxLength: 12,
  });
const strip = (claims: Array<Evidence & { when: string | undefined }>): Evidence[] =>
  claims.map(({ when: w, ...rest }) => (w === undefined ? rest : { ...rest, when: w }));

describe('mergeAttributes', () => {
  test('over two parts with disjoint documents equals relationAttributes over all their claims', () => {
    fc.assert(
      fc.property(evidence(['d1', 'd2', 'd3']), evidence(['d4', 'd5', 'd0']), fc.constantFrom('SUPPORTS', 'ALLIED_WITH' as const), (a, b, type) => {
        const held = strip(a);
        const added = strip(b);
        expect(mergeAttributes(relationAttributes(type, held), relationAttributes(type, added))).toEqual(relationAttributes(type, [...held, ...added]));
      }),
      { numRuns: 500 },
    );
  });

  test('a support and a denial from different documents contest the relation; from one document they do not', () => {
    const merged = (a: Evidence[], b: Evidence[]) => mergeAttributes(relationAttributes('SUPPORTS', a), relationAttributes('SUPPORTS', b));
    expect(merged([{ document: 'd1', certainty: 'asserted' }], [{ document: 'd2', certainty: 'denied' }]).contested).toBe(true);
    expect(
      merged(
        [
          { document: 'd1', certainty: 'asserted' },
          { document: 'd1', certainty: 'denied' },
        ],
        [{ document: 'd2', certainty: 'speculative' }],
      ).contested,
    ).toBe(false);
  });
});

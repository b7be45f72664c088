/** The model's parallel-relation index: what curves several relations of one pair apart. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parallelIndices } from '../../client/src/model.ts';

const actor = fc.constantFrom('a', 'b', 'c', 'd');
const relations = fc
  .array(fc.tuple(actor, actor), { maxLength: 40 })
  .map((pairs) => pairs.map(([source, target], i) => ({ key: `e${i}`, source, target })));

describe('parallelIndices', () => {
  it('leaves a pair’s only relation straight', () => {
    expect(parallelIndices([{ key: 'x', source: 'a', target: 'b' }]).get('x')).toEqual({ parallelIndex: null, parallelMaxIndex: null });
  });

  it('fans relations of one direction around the straight line, and numbers each way of a two-way pair on its own side', () => {
    const same = parallelIndices(['x', 'y', 'z'].map((key) => ({ key, source: 'a', target: 'b' })));
    expect([...same.values()]).toEqual([
      { parallelIndex: -1, parallelMaxIndex: 1 },
      { parallelIndex: 0, parallelMaxIndex: 1 },
      { parallelIndex: 1, parallelMaxIndex: 1 },
    ]);
    const both = parallelIndices([
      { key: 'x', source: 'a', target: 'b' },
      { key: 'y', source: 'b', target: 'a' },
      { key: 'z', source: 'b', target: 'a' },
    ]);
    expect(both.get('x')).toEqual({ parallelIndex: 1, parallelMaxIndex: 1 });
    expect([both.get('y'), both.get('z')]).toEqual([
      { parallelIndex: 1, parallelMaxIndex: 2 },
      { parallelIndex: 2, parallelMaxIndex: 2 },
    ]);
  });

  it('indexes every relation, and relations sharing a pair and a direction never coincide', () => {
    fc.assert(
      fc.property(relations, (edges) => {
        const indices = parallelIndices(edges);
        expect(indices.size).toBe(edges.length);
        const byWay = new Map<string, (number | null)[]>();
        for (const e of edges) {
          const { parallelIndex, parallelMaxIndex } = indices.get(e.key)!;
          expect(parallelIndex === null).toBe(parallelMaxIndex === null);
          if (parallelIndex !== null) expect(Math.abs(parallelIndex)).toBeLessThanOrEqual(parallelMaxIndex!);
          const way = `${e.source}>${e.target}`;
          byWay.set(way, [...(byWay.get(way) ?? []), parallelIndex]);
        }
        for (const [way, list] of byWay) {
          expect(new Set(list).size, way).toBe(list.length);
          const [s, t] = way.split('>');
          const others = edges.filter((e) => (e.source === s && e.target === t) || (e.source === t && e.target === s)).length;
          // Straight only when alone in both directions.
          expect(list.includes(null)).toBe(others === 1);
        }
      }),
    );
  });
});

/**
 * The model's parallel-relation index (what curves several relations of one pair apart), and the
 * degree sizes read from a view's data before its relations are in the model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../server/domain/index.ts';
import { computeMetrics } from '../../client/src/metrics.ts';
import { createModel, distinctDegrees, endsOfData, endsOfModel, parallelIndices, syncActors, syncModel, syncRelations } from '../../client/src/model.ts';

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

/** A view's data over actors a–d; the model reads keys and ends only, so attributes are left bare. */
const viewOf = (edges: { key: string; source: string; target: string }[]): SerializedGraph => ({
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  attributes: { truncated: false, omittedNodes: 0, omittedEdges: 0 },
  nodes: ['a', 'b', 'c', 'd'].map((key) => ({ key, attributes: { name: key } as NodeAttributes })),
  edges: edges.map((e) => ({ ...e, attributes: { type: 'ALLIED_WITH' } as EdgeAttributes })),
});
const origin = () => ({ x: 0, y: 0 });

describe('distinctDegrees', () => {
  it('counts distinct other actors, whichever way and however many relations', () => {
    const degrees = distinctDegrees(
      endsOfData(
        viewOf([
          { key: 'x', source: 'a', target: 'b' },
          { key: 'y', source: 'b', target: 'a' },
          { key: 'z', source: 'a', target: 'c' },
          { key: 'w', source: 'd', target: 'd' },
        ]),
      ),
    );
    expect(Object.fromEntries(degrees)).toEqual({ a: 2, b: 1, c: 1, d: 0 });
  });

  it('reads the same from a view’s data as from the model it becomes, and sizes from the data equal sizes from the model', () => {
    fc.assert(
      fc.property(relations, (edges) => {
        const data = viewOf(edges);
        const model = createModel();
        syncModel(model, data, origin);
        const fromModel = distinctDegrees(endsOfModel(model));
        expect(distinctDegrees(endsOfData(data))).toEqual(fromModel);
        for (const node of model.nodes()) expect(fromModel.get(node)).toBe(model.neighbors(node).filter((n) => n !== node).length);
        for (const metric of ['degree', 'pagerank'] as const) {
          expect(computeMetrics(endsOfData(data), metric, false).size).toEqual(computeMetrics(endsOfModel(model), metric, false).size);
        }
      }),
    );
  });
});

describe('syncActors then syncRelations', () => {
  it('leaves the model as syncModel does, from any model before', () => {
    fc.assert(
      fc.property(relations, relations, (before, after) => {
        const inSteps = createModel();
        const atOnce = createModel();
        syncModel(inSteps, viewOf(before), origin);
        syncModel(atOnce, viewOf(before), origin);
        syncActors(inSteps, viewOf(after), origin);
        syncRelations(inSteps, viewOf(after));
        syncModel(atOnce, viewOf(after), origin);
        expect(inSteps.export()).toEqual(atOnce.export());
      }),
    );
  });
});

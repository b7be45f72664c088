import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ClaimView, CompareSide, SUPPORTING_CERTAINTIES } from '../../server/domain/index.ts';
import { NotFound } from '../../server/errors.ts';
import { compare } from '../../server/graph/compare.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seededEmbeddedStore } from './seeded-embedded.ts';

let store: GraphStore;
let dispose: () => Promise<void>;
let claims: ClaimView[];
beforeAll(async () => {
  ({ store, dispose } = await seededEmbeddedStore());
  claims = await store.allClaims({});
});
afterAll(() => dispose());

const relationKey = (c: ClaimView) =>
  c.type === 'ALLIED_WITH' || c.type === 'RIVAL_OF'
    ? `${[c.subject.id, c.object.id].sort().join(`|${c.type}|`)}`
    : `${c.subject.id}|${c.type}|${c.object.id}`;

/** The two documents that contradict each other on some relation (the seeds do). */
function contradictingPair(): [string, string, string] {
  for (const support of claims.filter((c) => SUPPORTING_CERTAINTIES.has(c.certainty)))
    for (const denial of claims.filter((c) => c.certainty === 'denied'))
      if (relationKey(support) === relationKey(denial) && support.document !== denial.document)
        return [support.document, denial.document, relationKey(support)];
  throw new Error('the seeds contradict each other nowhere');
}

describe('compare', () => {
  test('every relation of either side lands in exactly one bucket, as the two sides state it', async () => {
    const [a, b] = contradictingPair();
    const result = await compare(store, { a: [a], b: [b], filters: {} });
    const inA = new Set(claims.filter((c) => c.document === a).map(relationKey));
    const inB = new Set(claims.filter((c) => c.document === b).map(relationKey));
    const bucketed = CompareSide.options.flatMap((side) => result.relations[side]);
    expect(new Set(bucketed)).toEqual(new Set([...inA, ...inB]));
    expect(bucketed).toHaveLength(new Set(bucketed).size);
    for (const edge of result.graph.edges) {
      expect(result.relations[edge.attributes.side!]).toContain(edge.key);
      if (edge.attributes.side === 'a') expect([inA.has(edge.key), inB.has(edge.key)]).toEqual([true, false]);
      if (edge.attributes.side === 'b') expect([inA.has(edge.key), inB.has(edge.key)]).toEqual([false, true]);
      if (edge.attributes.side === 'both' || edge.attributes.side === 'contradicted') expect(inA.has(edge.key) && inB.has(edge.key)).toBe(true);
    }
  });

  test('a relation one side supports and the other denies is contradicted', async () => {
    const [a, b, key] = contradictingPair();
    const result = await compare(store, { a: [a], b: [b], filters: {} });
    expect(result.relations.contradicted).toContain(key);
    const edge = result.graph.edges.find((e) => e.key === key)!;
    expect(edge.attributes).toMatchObject({ side: 'contradicted', contested: true });
    // Swapping the sides swaps a and b and keeps the contradiction.
    const swapped = await compare(store, { a: [b], b: [a], filters: {} });
    expect(swapped.relations.contradicted).toEqual(result.relations.contradicted);
    expect(swapped.relations.a).toEqual(result.relations.b);
  });

  test('a document compared with itself is all "both" (or contradicted within itself)', async () => {
    const [a] = contradictingPair();
    const result = await compare(store, { a: [a], b: [a], filters: {} });
    expect(result.relations.a).toEqual([]);
    expect(result.relations.b).toEqual([]);
  });

  test('an unknown document is NotFound', async () => {
    const [a] = contradictingPair();
    await expect(compare(store, { a: [a], b: ['no-such-document'], filters: {} })).rejects.toBeInstanceOf(NotFound);
  });
});

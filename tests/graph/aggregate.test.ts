import { beforeAll, describe, expect, test } from 'vitest';
import { type ClaimView, SUPPORTING_CERTAINTIES, SYMMETRIC_TYPES } from '../../server/domain/index.ts';
import { aggregate, serialize } from '../../server/graph/aggregate.ts';
import { seedClaimViews } from './seed-claims.ts';

let claims: ClaimView[];
beforeAll(async () => {
  claims = await seedClaimViews();
});

/** The claims an edge stands for, found without the code under test's grouping. */
const claimsOf = (all: ClaimView[], source: string, type: string, target: string) =>
  all.filter(
    (c) =>
      c.type === type &&
      ((c.subject.id === source && c.object.id === target) ||
        (SYMMETRIC_TYPES.has(c.type) && c.subject.id === target && c.object.id === source)),
  );

const seedClaim = (predicate: (c: ClaimView) => boolean): ClaimView => {
  const found = claims.find(predicate);
  if (!found) throw new Error('the seeds have no such claim');
  return found;
};

describe('aggregate over the seed claims', () => {
  test('one edge per relation, every claim counted once, attributes as the ontology defines them', () => {
    const graph = aggregate(claims);
    let total = 0;
    graph.forEachEdge((key, a, source, target) => {
      expect(key).toBe(`${source}|${a.type}|${target}`);
      const mine = claimsOf(claims, source, a.type, target);
      total += a.claims;
      expect(a.claims).toBe(mine.length);
      expect(a.documents).toEqual([...new Set(mine.map((c) => c.document))].sort());
      for (const certainty of Object.keys(a.certainty) as Array<keyof typeof a.certainty>)
        expect(a.certainty[certainty]).toBe(mine.filter((c) => c.certainty === certainty).length);
      const supporting = new Set(mine.filter((c) => SUPPORTING_CERTAINTIES.has(c.certainty)).map((c) => c.document));
      const denying = new Set(mine.filter((c) => c.certainty === 'denied').map((c) => c.document));
      expect(a.supporting).toBe(supporting.size);
      expect(a.denying).toBe(denying.size);
      expect(a.contested).toBe([...supporting].some((s) => [...denying].some((d) => d !== s)));
      expect(a.symmetric).toBe(SYMMETRIC_TYPES.has(a.type));
      if (a.symmetric) expect(source < target).toBe(true);
    });
    expect(total).toBe(claims.length);
  });

  test('nodes are the actors the edges touch, with the claims that touch them', () => {
    const graph = aggregate(claims);
    const actors = new Set(claims.flatMap((c) => [c.subject.id, c.object.id]));
    expect(new Set(graph.nodes())).toEqual(actors);
    graph.forEachNode((node, a) => {
      expect(a.claims).toBe(claims.filter((c) => c.subject.id === node || c.object.id === node).length);
      const ref = claims.find((c) => c.subject.id === node)?.subject ?? claims.find((c) => c.object.id === node)!.object;
      expect({ name: a.name, kind: a.kind, aliases: a.aliases }).toEqual({ name: ref.name, kind: ref.kind, aliases: ref.aliases });
    });
  });

  test('the seeds contradict each other: some relation is supported by one source and denied by another', () => {
    const graph = aggregate(claims);
    expect(graph.filterEdges((_k, a) => a.contested).length).toBeGreaterThan(0);
  });

  test('minClaims and minDocuments drop relations, then the actors left without one', () => {
    const all = aggregate(claims);
    for (const thresholds of [{ minClaims: 2 }, { minDocuments: 2 }, { minClaims: 3, minDocuments: 2 }]) {
      const graph = aggregate(claims, thresholds);
      all.forEachEdge((key, a) => {
        const passes = a.claims >= (thresholds.minClaims ?? 1) && a.supporting >= (thresholds.minDocuments ?? 0);
        expect(graph.hasEdge(key)).toBe(passes);
      });
      expect(graph.size).toBeLessThan(all.size);
      graph.forEachNode((node) => expect(graph.degree(node)).toBeGreaterThan(0));
    }
  });

  test('serialises to the domain SerializedGraph, independent of claim order', () => {
    const forward = serialize(aggregate(claims));
    const backward = serialize(aggregate([...claims].reverse()));
    expect(backward).toEqual(forward);
    expect(forward.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: false });
    expect(forward.attributes).toEqual({ truncated: false, omittedNodes: 0, omittedEdges: 0 });
  });
});

describe('aggregate on small lists made from a seed claim', () => {
  test('a symmetric relation stated both ways is one edge, its ids in order', () => {
    const allied = seedClaim((c) => c.type === 'ALLIED_WITH');
    const reversed = { ...allied, id: `${allied.id}-reversed`, subject: allied.object, object: allied.subject };
    const graph = aggregate([allied, reversed]);
    const [low, high] = [allied.subject.id, allied.object.id].sort() as [string, string];
    expect(graph.edges()).toEqual([`${low}|ALLIED_WITH|${high}`]);
    expect(graph.getEdgeAttribute(`${low}|ALLIED_WITH|${high}`, 'claims')).toBe(2);
  });

  test('a directed relation stated both ways is two edges', () => {
    const supports = seedClaim((c) => c.type === 'SUPPORTS');
    const reversed = { ...supports, id: `${supports.id}-reversed`, subject: supports.object, object: supports.subject };
    expect(aggregate([supports, reversed]).size).toBe(2);
  });

  test('contested needs the support and the denial in different documents', () => {
    const base = seedClaim((c) => c.type === 'SUPPORTS');
    const other = seedClaim((c) => c.document !== base.document);
    const denial = { ...base, id: `${base.id}-denied`, certainty: 'denied' as const };
    const key = `${base.subject.id}|SUPPORTS|${base.object.id}`;

    const sameDocument = aggregate([{ ...base, certainty: 'asserted' }, denial]).getEdgeAttributes(key);
    expect(sameDocument).toMatchObject({ supporting: 1, denying: 1, contested: false });

    const otherDocument = aggregate([{ ...base, certainty: 'reported' }, { ...denial, document: other.document }]).getEdgeAttributes(key);
    expect(otherDocument).toMatchObject({ supporting: 1, denying: 1, contested: true, documents: [base.document, other.document].sort() });

    const onlySpeculation = aggregate([{ ...base, certainty: 'speculative' }, { ...denial, document: other.document }]).getEdgeAttributes(key);
    expect(onlySpeculation).toMatchObject({ supporting: 0, denying: 1, contested: false });
  });

  test('firstWhen and lastWhen are the earliest start and the latest end', () => {
    const base = seedClaim(() => true);
    const dated = ['2023-07', '2021/..', '2019', '../2001'].map((when, i) => ({ ...base, id: `${base.id}-${i}`, when }));
    const undated = { ...base, id: `${base.id}-undated`, when: undefined };
    const key = `${base.subject.id}|${base.type}|${base.object.id}`;
    const edge = aggregate([...dated, undated]).getEdgeAttributes(key);
    expect(edge.firstWhen).toBe('../2001');
    expect(edge.lastWhen).toBe('2021/..');
    expect(aggregate([undated]).getEdgeAttributes(key).firstWhen).toBeUndefined();
  });
});

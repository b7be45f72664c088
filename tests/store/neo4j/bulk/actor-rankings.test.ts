/**
 * The actors' claim counts and rankings of a bulk import, from merged relations in one pass,
 * against ranking every actor's whole relation list as the store does (actor-tops.cypher): the
 * HORIZON strongest by claims then key, from RANKED_FROM relations on, none below.
 */
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { compareKeys, relationAttributes, relationBetween } from '../../../../server/graph/aggregate.ts';
import { HORIZON } from '../../../../server/graph/neighborhood.ts';
import type { RelationRow } from '../../../../server/graph/relations.ts';
import { ActorRankings } from '../../../../server/store/neo4j/bulk/actor-rankings.ts';
import { RANKED_FROM } from '../../../../server/store/neo4j/rows.ts';

const row = (subject: string, object: string, claims: number): RelationRow => {
  const { key, source, target, type } = relationBetween(subject, 'SUPPORTS', object);
  const evidence = Array.from({ length: claims }, () => ({ document: 'd', certainty: 'asserted' as const }));
  return { key, source, target, attributes: relationAttributes(type, evidence) };
};

function rankingsOf(rows: RelationRow[]) {
  const rankings = new ActorRankings();
  for (const r of rows) for (let i = 0; i < r.attributes.claims; i++) rankings.countClaim(r.source, r.target);
  for (const r of [...rows].sort((a, b) => compareKeys(a.key, b.key))) rankings.addRelation(r);
  return rankings;
}

/** The whole list of each actor's relations, ranked. */
function expected(rows: RelationRow[], actor: string) {
  const mine = rows.filter((r) => r.source === actor || r.target === actor);
  if (mine.length === 0) return {};
  const claims = mine.reduce((n, r) => n + r.attributes.claims, 0);
  if (mine.length < RANKED_FROM) return { claims };
  const top = mine.sort((a, b) => b.attributes.claims - a.attributes.claims || compareKeys(a.key, b.key)).slice(0, HORIZON);
  return { claims, top: top.map((r) => r.key), topClaims: top.map((r) => r.attributes.claims) };
}

describe('ActorRankings', () => {
  it('ranks an actor from RANKED_FROM relations on, not below, and nothing for an actor no claim names', () => {
    const rows = [
      ...Array.from({ length: RANKED_FROM }, (_, i) => row('hub', `a${i}`, 1 + (i % 3))),
      ...Array.from({ length: RANKED_FROM - 1 }, (_, i) => row('near', `b${i}`, 2)),
    ];
    const rankings = rankingsOf(rows);
    expect(rankings.of('hub')).toEqual(expected(rows, 'hub'));
    expect(rankings.of('hub').top).toHaveLength(RANKED_FROM);
    expect(rankings.of('near')).toEqual({ claims: 2 * (RANKED_FROM - 1) });
    expect(rankings.of('a0')).toEqual({ claims: 1 });
    expect(rankings.of('nobody')).toEqual({});
  });

  test('equals ranking whole lists, for hubs beyond 2 × HORIZON relations and many ties', () => {
    let largest = 0;
    const hubs = fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 * HORIZON + 300, size: 'max' }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(hubs, (claimsByHub) => {
        largest = Math.max(largest, ...claimsByHub.map((claims) => claims.length));
        // Hubs share ends, so an end may be ranked through several hubs.
        const rows = claimsByHub.flatMap((claims, h) => claims.map((n, i) => row(`hub-${h}`, `end-${i % 700}`, n)));
        const rankings = rankingsOf(rows);
        for (const actor of new Set(rows.flatMap((r) => [r.source, r.target]))) expect(rankings.of(actor)).toEqual(expected(rows, actor));
      }),
      { numRuns: 15 },
    );
    expect(largest).toBeGreaterThan(2 * HORIZON);
  });
});

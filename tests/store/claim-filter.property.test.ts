/**
 * The claim filter as a property: on random filter sets over the seed claims, the Neo4j
 * store (its Cypher) selects exactly what the shared predicate claimMatches admits. Goes
 * through the GraphStore API only, so it holds whatever the Cypher looks like.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ActorKind, Certainty, type ClaimFilters, type ClaimView, Origin, RelationType, Reliability } from '../../server/domain/index.ts';
import { claimMatches } from '../../server/store/claim-filter.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { seedStore } from '../helpers/seed.ts';
import { storeCases } from '../helpers/stores.ts';

const SEED_DOCUMENTS = ['000_cfc134b66c6808e2', '001_977e6d2ceaf3d2f9', '002_51eec4bc261835c7', '003_b51d1550b1715137', '004_8d7461f0818b03b9', 'no-such-document'];
const DATES = ['2001', '2014-06', '2015', '2019-12-31', '2021-08', '2021-08-15', '2023', '2024-02', '2025', '2025-09-23'];

const subset = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: values.length });
const filters: fc.Arbitrary<ClaimFilters> = fc.record(
  {
    documents: subset(SEED_DOCUMENTS),
    types: subset(RelationType.options),
    certainty: subset(Certainty.options),
    kinds: subset(ActorKind.options),
    origin: subset(Origin.options),
    from: fc.constantFrom(...DATES),
    to: fc.constantFrom(...DATES),
    reliability: fc.constantFrom(...Reliability.options),
  },
  { requiredKeys: [] },
);

const neo4jCase = storeCases.find((c) => c.name === 'neo4j')!;

(neo4jCase.skip ? describe.skip : describe)('claimMatches and the Neo4j store agree', () => {
  let store: GraphStore;
  let all: ClaimView[];
  beforeAll(async () => {
    store = await neo4jCase.open();
    await seedStore(store);
    all = await store.allClaims({});
  });
  afterAll(() => store?.close());

  test('on random filters over the seed claims', { timeout: 180_000 }, async () => {
    expect(all.length).toBeGreaterThan(100);
    await fc.assert(
      fc.asyncProperty(filters, async (f) => {
        expect(await store.allClaims(f)).toEqual(all.filter((c) => claimMatches(c, f)));
      }),
      { numRuns: 20 },
    );
  });
});

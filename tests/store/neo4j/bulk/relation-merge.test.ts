/**
 * The bulk import's relation aggregates through the external sort against the in-memory way
 * the store merges them: for random documents naming overlapping relations, with a run size so
 * small that many runs are merged, each relation's aggregate is the one mergeAttributes gives
 * folding the documents in the order they were given.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Certainty, type RelationType } from '../../../../server/domain/index.ts';
import { compareKeys, mergeAttributes } from '../../../../server/graph/aggregate.ts';
import { type RelationEvidence, type RelationRow, rowsFromClaims } from '../../../../server/graph/relations.ts';
import { RelationMerge } from '../../../../server/store/neo4j/bulk/relation-merge.ts';

const TYPES: RelationType[] = ['SUPPORTS', 'ALLIED_WITH', 'MEMBER_OF'];
const claim = fc.record({
  subject: fc.constantFrom('a', 'b', 'c', 'd'),
  type: fc.constantFrom(...TYPES),
  object: fc.constantFrom('a', 'b', 'c', 'e'),
  certainty: fc.constantFrom(...Certainty.options),
  when: fc.constantFrom(undefined, '2019', '2019-05', '2020/..', '../2018', '2018/2021'),
});
const documents = fc.array(fc.array(claim, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 25 });

function inMemory(docs: RelationEvidence[][]): RelationRow[] {
  const relations = new Map<string, RelationRow>();
  for (const rows of docs.map((claims) => rowsFromClaims(claims)))
    for (const row of rows) {
      const before = relations.get(row.key);
      relations.set(row.key, before ? { ...row, attributes: mergeAttributes(before.attributes, row.attributes) } : row);
    }
  return [...relations.values()].sort((x, y) => compareKeys(x.key, y.key));
}

type Drawn = Omit<RelationEvidence, 'document' | 'when'> & { when: string | undefined };
/** Each drawn document's claims, without self-relations (no claim relates an actor to itself). */
const evidence = (docs: Drawn[][]): RelationEvidence[][] =>
  docs.map((claims, i) => claims.filter((c) => c.subject !== c.object).map(({ when, ...c }) => ({ ...c, document: `doc-${i}`, ...(when ? { when } : {}) })));

describe('RelationMerge', () => {
  test('gives the aggregates the in-memory merge gives, over many runs', async () => {
    let runsSeen = 0;
    await fc.assert(
      fc.asyncProperty(documents, fc.integer({ min: 50, max: 600 }), async (docs, runChars) => {
        const given = evidence(docs);
        const dir = await mkdtemp(join(tmpdir(), 'dyad-relation-merge-'));
        try {
          const merge = new RelationMerge(dir, runChars);
          for (const claims of given) await merge.add(rowsFromClaims(claims));
          runsSeen = Math.max(runsSeen, (await readdir(dir)).length);
          const merged: RelationRow[] = [];
          for await (const row of merge.merged()) merged.push(row);
          expect(merged).toEqual(inMemory(given));
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
    expect(runsSeen).toBeGreaterThan(3);
  });
});

/**
 * The bulk import's claim owners against a Map: ids as ingest makes them (16 hex digits, kept
 * as 64 bits) and any others, across the table's growth.
 */
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { ClaimOwners } from '../../../../server/store/neo4j/bulk/claim-owners.ts';

describe('ClaimOwners', () => {
  it('answers the document holding an id, and nothing for an id none holds', () => {
    const owners = new ClaimOwners();
    owners.set('00000000000000ff', 'doc-1');
    owners.set('claim-7', 'doc-2');
    owners.set('00000000000000FF', 'doc-2');
    expect(owners.get('00000000000000ff')).toBe('doc-1');
    expect(owners.get('00000000000000FF')).toBe('doc-2');
    expect(owners.get('claim-7')).toBe('doc-2');
    expect(owners.get('00000000000000fe')).toBeUndefined();
    expect(owners.get('claim-8')).toBeUndefined();
    expect(owners.size).toBe(3);
  });

  test('equals a Map over many ids, the table growing', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
    const id = fc.oneof(hex, hex, fc.string({ minLength: 1, maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.integer({ min: 0, max: 40 })), { maxLength: 3000, size: 'max' }), fc.array(id, { maxLength: 50 }), (given, probes) => {
        const owners = new ClaimOwners();
        const map = new Map<string, string>();
        for (const [claim, doc] of given) {
          if (map.has(claim)) continue;
          owners.set(claim, `doc-${doc}`);
          map.set(claim, `doc-${doc}`);
        }
        expect(owners.size).toBe(map.size);
        for (const claim of [...map.keys(), ...probes]) expect(owners.get(claim)).toBe(map.get(claim));
      }),
      { numRuns: 40 },
    );
  });
});

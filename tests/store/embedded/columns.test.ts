/**
 * The snapshot's string columns (server/store/embedded/columns.ts): strings joined as UTF-8 with
 * their lengths come back the same, whether decoded all at once (ASCII runs as slices of one
 * string) or one by one, and lengths that do not add up to the bytes are refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gather, JoinedStrings, joinStrings, removeValue, RowLists, splitStrings } from '../../../server/store/embedded/columns.ts';

const strings = fc.oneof(fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), fc.array(fc.string({ unit: 'grapheme', maxLength: 40 })));

describe('string columns', () => {
  it('split and joined strings come back as they were', () => {
    fc.assert(
      fc.property(strings, (list) => {
        const { bytes, lengths } = joinStrings(list);
        expect(splitStrings(bytes, lengths)).toEqual(list);
        const joined = new JoinedStrings(bytes, lengths);
        expect(joined.length).toBe(list.length);
        expect(list.map((_, i) => joined.at(i))).toEqual(list);
      }),
    );
  });

  it('refuses lengths that do not add up to the bytes', () => {
    const { bytes, lengths } = joinStrings(['Pashto', 'پښتو']);
    lengths[1]! += 1;
    expect(() => splitStrings(bytes, lengths)).toThrow(/add up to/);
    expect(() => new JoinedStrings(bytes, lengths)).toThrow(/add up to/);
  });

  it('refuses a lone surrogate, which UTF-8 cannot keep', () => {
    expect(() => joinStrings(['fine', 'half a pair \ud800'])).toThrow(/lone surrogate/);
  });
});

describe('gather', () => {
  it('takes the rows in order, sharing the column when they are its first rows', () => {
    const column = Int32Array.from([5, 6, 7, 8]);
    const first = gather(column, Int32Array.from([0, 1, 2]));
    expect([...first]).toEqual([5, 6, 7]);
    expect(first.buffer).toBe(column.buffer);
    const picked = gather(column, Int32Array.from([3, 0]));
    expect([...picked]).toEqual([8, 5]);
    expect(picked.buffer).not.toBe(column.buffer);
  });
});

describe('row lists', () => {
  it('packed from pairs, then changed, hold what arrays changed the same way hold', () => {
    const pair = fc.tuple(fc.nat(5), fc.nat(5));
    const change = fc.oneof(fc.record({ push: fc.nat(7), row: fc.nat(99) }), fc.record({ remove: fc.nat(7), row: fc.nat(99) }));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 30 }), fc.boolean(), fc.array(change, { maxLength: 30 }), (pairs, once, changes) => {
        const lists = new RowLists();
        lists.pack(6, Int32Array.from(pairs, ([a]) => a), Int32Array.from(pairs, ([, b]) => b), pairs.length, once);
        const model: number[][] = Array.from({ length: 8 }, () => []);
        pairs.forEach(([a, b], row) => {
          model[a]!.push(row);
          if (!once || a !== b) model[b]!.push(row);
        });
        for (const c of changes) {
          if ('push' in c) {
            lists.push(c.push, c.row);
            model[c.push]!.push(c.row);
          } else {
            lists.remove(c.remove, c.row);
            removeValue(model[c.remove]!, c.row);
          }
        }
        model.forEach((rows, key) => {
          expect([...lists.of(key)]).toEqual(rows);
          expect(lists.size(key)).toBe(rows.length);
        });
        expect(model.slice(lists.keys).every((rows) => rows.length === 0)).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandFor, currentId, emptyQueue, pending, reduceQueue, type QueueAction, type QueueState } from '../../client/src/review-keys.ts';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => commandFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
const queue = (ids: string[]): QueueState => reduceQueue(emptyQueue, { type: 'load', ids });

describe('review keys', () => {
  it('maps j/k/a/r/e and nothing else, never with a modifier', () => {
    expect([key('j'), key('k'), key('a'), key('r'), key('e')]).toEqual(['next', 'previous', 'accept', 'reject', 'correct']);
    expect(key('x')).toBeNull();
    expect(key('J')).toBeNull();
    expect(key('r', { ctrlKey: true })).toBeNull();
    expect(key('a', { metaKey: true })).toBeNull();
    expect(key('e', { altKey: true })).toBeNull();
  });
});

describe('reduceQueue', () => {
  it('moves with j/k within the queue, stopping at its ends', () => {
    let q = queue(['a', 'b', 'c']);
    expect(currentId(q)).toBe('a');
    q = reduceQueue(q, { type: 'move', by: -1 });
    expect(currentId(q)).toBe('a');
    q = reduceQueue(reduceQueue(q, { type: 'move', by: 1 }), { type: 'move', by: 1 });
    expect(currentId(q)).toBe('c');
    expect(currentId(reduceQueue(q, { type: 'move', by: 1 }))).toBe('c');
  });

  it('brings up the next undecided claim after a decision, wrapping to an earlier one', () => {
    let q = queue(['a', 'b', 'c']);
    q = reduceQueue(q, { type: 'decided', id: 'a', decision: 'accepted' });
    expect(currentId(q)).toBe('b');
    q = reduceQueue(q, { type: 'go', id: 'c' });
    q = reduceQueue(q, { type: 'decided', id: 'c', decision: 'rejected' });
    expect(currentId(q)).toBe('b');
    q = reduceQueue(q, { type: 'decided', id: 'b', decision: 'corrected' });
    expect(currentId(q)).toBe('b');
    expect(pending(q)).toBe(0);
    expect(q.decided).toEqual({ a: 'accepted', b: 'corrected', c: 'rejected' });
  });

  it('keeps the claim under review across a reload, and forgets decisions on claims gone', () => {
    let q = reduceQueue(queue(['a', 'b', 'c']), { type: 'go', id: 'b' });
    q = reduceQueue(q, { type: 'decided', id: 'a', decision: 'rejected' });
    q = reduceQueue(q, { type: 'go', id: 'c' });
    q = reduceQueue(q, { type: 'load', ids: ['b', 'c'] });
    expect(currentId(q)).toBe('c');
    expect(q.decided).toEqual({});
  });

  it('never points outside a non-empty queue, whatever the actions', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const action = fc.oneof(
      fc.record({ type: fc.constant('move' as const), by: fc.constantFrom(1 as const, -1 as const) }),
      fc.record({ type: fc.constant('go' as const), id: fc.constantFrom(...ids, 'zz') }),
      fc.record({ type: fc.constant('decided' as const), id: fc.constantFrom(...ids), decision: fc.constantFrom('accepted' as const, 'rejected' as const) }),
      fc.record({ type: fc.constant('load' as const), ids: fc.subarray(ids, { minLength: 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(action as fc.Arbitrary<QueueAction>, { maxLength: 30 }), (actions) => {
        const q = actions.reduce(reduceQueue, queue(ids));
        return q.index >= 0 && q.index < q.ids.length && Object.keys(q.decided).every((id) => q.ids.includes(id));
      }),
    );
  });
});

/** The view state: the URL round trip (a property), and the reducer every change goes through. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActorKind, Certainty, Origin, RelationType, Reliability } from '../../server/domain/index.ts';
import {
  ColourScheme,
  initialState,
  isHistoryEntry,
  Mode,
  parseView,
  reduce,
  serializeView,
  SizeMetric,
  type ViewState,
} from '../../client/src/state.ts';

const actorId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const documentId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,15}$/);
const subset = <T extends string>(options: readonly T[]) => fc.uniqueArray(fc.constantFrom(...options), { maxLength: options.length });
/** Numbers as links keep them: four decimals. */
const coordinate = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 10_000);
const year = fc.integer({ min: 1900, max: 2099 }).map(String);

const filters = fc.record(
  {
    documents: fc.uniqueArray(documentId, { maxLength: 5 }),
    types: subset(RelationType.options),
    certainty: subset(Certainty.options),
    kinds: subset(ActorKind.options),
    origin: subset(Origin.options),
    from: year,
    to: year,
    minClaims: fc.integer({ min: 1, max: 50 }),
    minDocuments: fc.integer({ min: 1, max: 50 }),
    reliability: fc.constantFrom(...Reliability.options),
  },
  { requiredKeys: [] },
);

const viewState: fc.Arbitrary<ViewState> = fc.record(
  {
    mode: fc.constantFrom(...Mode.options),
    filters,
    ego: fc.uniqueArray(actorId, { maxLength: 4 }),
    path: fc.record({ from: actorId, to: actorId, maxLength: fc.integer({ min: 1, max: 6 }) }, { requiredKeys: ['maxLength'] }),
    compare: fc.record({ a: documentId, b: documentId }, { requiredKeys: [] }),
    selection: fc.option(
      fc.record({ kind: fc.constantFrom('node' as const, 'edge' as const), id: fc.string({ minLength: 1 }).filter((s) => !/[\n\r\u2028\u2029]/.test(s)) }),
      { nil: null },
    ),
    hidden: fc.uniqueArray(actorId, { maxLength: 4 }),
    pins: fc.dictionary(actorId, fc.record({ x: coordinate, y: coordinate }), { maxKeys: 4 }),
    size: fc.constantFrom(...SizeMetric.options),
    colour: fc.constantFrom(...ColourScheme.options),
    camera: fc.record({ x: coordinate, y: coordinate, ratio: coordinate, angle: coordinate }),
  },
  { requiredKeys: ['mode', 'filters', 'ego', 'path', 'compare', 'selection', 'hidden', 'pins', 'size', 'colour'] },
);

describe('the view in the URL', () => {
  it('reads back every view it writes (fast-check)', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(parseView(serializeView(state))).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('tells an empty document selection from no filter', () => {
    const none = parseView(serializeView({ ...initialState, filters: { documents: [] } }));
    expect(none.filters.documents).toEqual([]);
    expect(parseView('').filters.documents).toBeUndefined();
  });

  it('falls back to defaults on malformed input', () => {
    const view = parseView('mode=nope&pl=99&cam=1,2&pin=Bad:1:2,ok:x:3&size=huge&types=NOT_A_TYPE');
    expect(view.mode).toBe('all');
    expect(view.path.maxLength).toBe(initialState.path.maxLength);
    expect(view.camera).toBeUndefined();
    expect(view.pins).toEqual({});
    expect(view.size).toBe('degree');
    expect(view.filters).toEqual({});
  });
});

describe('the reducer', () => {
  it('expands into the ego view and selects the expanded actor', () => {
    const once = reduce(initialState, { type: 'expand', ids: ['ttp'] });
    expect(once).toMatchObject({ mode: 'ego', ego: ['ttp'], selection: { kind: 'node', id: 'ttp' } });
    const twice = reduce(once, { type: 'expand', ids: ['is-k', 'ttp'] });
    expect(twice.ego).toEqual(['ttp', 'is-k']);
  });

  it('drops a filter set to undefined and keeps an empty list', () => {
    const state = reduce({ ...initialState, filters: { types: ['SUPPORTS'] } }, { type: 'filter', patch: { types: undefined, documents: [] } });
    expect(state.filters).toEqual({ documents: [] });
  });

  it('clears the selection of an actor it hides, and brings actors back', () => {
    const selected = reduce(initialState, { type: 'select', selection: { kind: 'node', id: 'ttp' } });
    const hidden = reduce(selected, { type: 'hide', ids: ['ttp', 'china'] });
    expect(hidden.selection).toBeNull();
    expect(reduce(hidden, { type: 'unhide', ids: ['ttp'] }).hidden).toEqual(['china']);
    expect(reduce(hidden, { type: 'unhide' }).hidden).toEqual([]);
  });

  it('enters the paths mode once both ends are chosen', () => {
    const from = reduce(initialState, { type: 'path', patch: { from: 'ttp' } });
    expect(from.mode).toBe('all');
    expect(reduce(from, { type: 'path', patch: { to: 'china' } }).mode).toBe('paths');
  });

  it('pins and unpins', () => {
    const pinned = reduce(initialState, { type: 'pin', id: 'ttp', at: { x: 1, y: 2 } });
    expect(pinned.pins).toEqual({ ttp: { x: 1, y: 2 } });
    expect(reduce(pinned, { type: 'unpin', id: 'ttp' }).pins).toEqual({});
  });

  it('makes camera moves and restores no history entries', () => {
    expect(isHistoryEntry({ type: 'camera', camera: { x: 0, y: 0, ratio: 1, angle: 0 } })).toBe(false);
    expect(isHistoryEntry({ type: 'restore', state: initialState })).toBe(false);
    expect(isHistoryEntry({ type: 'select', selection: null })).toBe(true);
  });
});

/** The reducers: what Sigma draws for an actor or a relation, from attributes and view state alone. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { EdgeAttributes } from '../../server/domain/index.ts';
import { type DisplayContext, edgeDisplay, focusOf, nodeDisplay, relationLabel, shortLabel } from '../../client/src/display.ts';
import { DENIED_COLOUR, KIND_COLOURS, TYPE_COLOURS, withAlpha } from '../../client/src/palette.ts';
import { initialState } from '../../client/src/state.ts';

const context = (patch: Partial<DisplayContext> = {}): DisplayContext => ({
  state: initialState,
  size: new Map([['ttp', 12]]),
  community: new Map(),
  focus: null,
  marked: new Set(),
  hidden: new Set(),
  ...patch,
});

const actor = { name: 'Tehrik-i-Taliban Pakistan', kind: 'group' as const, aliases: ['TTP'], claims: 4, x: 1, y: 2 };
const relation = (patch: Partial<EdgeAttributes> = {}): EdgeAttributes => ({
  type: 'SUPPORTS',
  symmetric: false,
  claims: 2,
  documents: ['004'],
  certainty: { asserted: 2, reported: 0, alleged: 0, speculative: 0, denied: 0 },
  supporting: 1,
  denying: 0,
  contested: false,
  ...patch,
});
const denialOnly = relation({ certainty: { asserted: 0, reported: 0, alleged: 0, speculative: 0, denied: 1 }, supporting: 0, denying: 1, claims: 1 });

describe('node display', () => {
  it('draws an actor by kind, sized by the metric, labelled by its short alias', () => {
    const d = nodeDisplay(context(), 'ttp', actor);
    expect(d).toMatchObject({ x: 1, y: 2, size: 12, color: KIND_COLOURS.group, label: 'TTP', type: 'circle' });
  });

  it('hides a dismissed actor and fades one outside the focus', () => {
    expect(nodeDisplay(context({ hidden: new Set(['ttp']) }), 'ttp', actor).hidden).toBe(true);
    const faded = nodeDisplay(context({ focus: { nodes: new Set(['other']), edges: new Set() } }), 'ttp', actor);
    expect(faded.label).toBe('');
    expect(faded.color).not.toBe(KIND_COLOURS.group);
  });

  it('labels and highlights actors of the multi-selection', () => {
    expect(nodeDisplay(context({ marked: new Set(['ttp']) }), 'ttp', actor)).toMatchObject({ highlighted: true, forceLabel: true });
    // Marked and out of the hover's focus: still in full colour and named.
    const elsewhere = { nodes: new Set(['pakistan']), edges: new Set<string>() };
    expect(nodeDisplay(context({ marked: new Set(['ttp']), focus: elsewhere }), 'ttp', actor)).toMatchObject({
      color: KIND_COLOURS.group,
      label: 'TTP',
      forceLabel: true,
    });
  });

  it('keeps long names short', () => {
    const label = shortLabel({ name: 'A very long name of an organisation here', aliases: [] });
    expect(label.length).toBeLessThanOrEqual(24);
    expect(label.endsWith('…')).toBe(true);
  });
});

describe('edge display', () => {
  it('colours a relation by type and draws an arrow for a direction', () => {
    const d = edgeDisplay(context(), 'e', relation(), ['ttp', 'afghan-taliban']);
    expect(d.type).toBe('arrow');
    expect(String(d.color).slice(0, 7)).toBe(TYPE_COLOURS.SUPPORTS);
    expect(d.label).toBe('');
  });

  it('states a denial-only relation as denied, naming the type, in grey', () => {
    const d = edgeDisplay(context(), 'e', denialOnly, ['ttp', 'afghan-taliban']);
    expect(String(d.color).slice(0, 7)).toBe(DENIED_COLOUR);
    expect(d.label).toBe('+ supports · denied');
    expect(d.forceLabel).toBe(true);
  });

  it('names the relation type on a contested mark', () => {
    expect(relationLabel(relation({ contested: true }))).toBe('+ supports · contested');
  });

  it('hides relations of a hidden actor', () => {
    expect(edgeDisplay(context({ hidden: new Set(['ttp']) }), 'e', relation(), ['ttp', 'x']).hidden).toBe(true);
  });

  it('brings the selected relation forward at full colour', () => {
    const state = { ...initialState, selection: { kind: 'edge' as const, id: 'e' } };
    const d = edgeDisplay(context({ state, focus: { nodes: new Set(), edges: new Set(['e']) } }), 'e', relation(), ['a', 'b']);
    expect(d.color).toBe(withAlpha(TYPE_COLOURS.SUPPORTS, 1));
    expect(d.zIndex).toBe(3);
  });
});

describe('focus', () => {
  const graph = new MultiDirectedGraph();
  graph.mergeEdgeWithKey('ab', 'a', 'b');
  graph.mergeEdgeWithKey('bc', 'b', 'c');

  it('keeps a selected actor and its neighbours bright', () => {
    const focus = focusOf(graph, { kind: 'node', id: 'b' }, null, null);
    expect([...focus!.nodes].sort()).toEqual(['a', 'b', 'c']);
  });

  it('lets a highlighted path win over the selection', () => {
    const focus = focusOf(graph, { kind: 'node', id: 'c' }, null, { nodes: ['a', 'b'], edges: ['ab'] });
    expect([...focus!.edges]).toEqual(['ab']);
  });

  it('is off with nothing selected or hovered', () => {
    expect(focusOf(graph, null, null, null)).toBeNull();
  });
});

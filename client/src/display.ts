/**
 * What Sigma draws, derived and never stored: pure node and edge reducers over the model's
 * attributes, the view state and what the analyst is pointing at (after Sigma's and Gephi
 * Lite's reducers). Unit-tested in tests/client/display.test.ts.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from '../../server/domain/index.ts';
import {
  COMMUNITY_COLOURS,
  CONTESTED_LABEL_COLOUR,
  DENIED_COLOUR,
  fade,
  KIND_COLOURS,
  KIND_SHAPES,
  SIDE_COLOURS,
  STRENGTH_ALPHA,
  strengthOf,
  TYPE_COLOURS,
  TYPE_GLYPHS,
  typeWords,
  withAlpha,
} from './palette.ts';
import type { ViewState } from './state.ts';

/** Radius of the least central actor (metrics.ts scales the others from it). */
export const MIN_NODE_SIZE = 4;
const LONG_LABEL = 24;
/** Around a hub, naming every relation would pile labels up. */
const MAX_NAMED_EDGES = 8;

/**
 * Long names are drawn by their first alias that fits (the gazetteer lists the usual short
 * name first: TTP, IS-K, Afghan Taliban), else cut short; the panels show the full name.
 */
export function shortLabel(node: Pick<NodeAttributes, 'name' | 'aliases'>): string {
  if (node.name.length <= LONG_LABEL) return node.name;
  const short = node.aliases.find((alias) => alias.length <= LONG_LABEL);
  return short ?? `${node.name.slice(0, LONG_LABEL - 1).trimEnd()}…`;
}

/** How a relation reads in a label: glyph, type in words, and what the evidence says of it. */
export function relationLabel(edge: Pick<EdgeAttributes, 'type' | 'contested' | 'certainty'>): string {
  const strength = strengthOf(edge);
  const status = edge.contested ? ' · contested' : strength === 'denied' ? ' · denied' : '';
  return `${TYPE_GLYPHS[edge.type]} ${typeWords(edge.type)}${status}`;
}

/** @sigma/edge-curve's default curvature (not imported: that module needs WebGL, this one is pure). */
const DEFAULT_EDGE_CURVATURE = 0.25;

/** Curvature of the index-th of several parallel edges (after Sigma's parallel-edges example). */
function curvature(index: number, maxIndex: number): number {
  if (index < 0) return -curvature(-index, maxIndex);
  const amplitude = 3.5;
  const max = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (max * index) / maxIndex;
}

/** Everything the reducers read besides one item's attributes. */
export interface DisplayContext {
  state: Pick<ViewState, 'mode' | 'colour' | 'selection' | 'hidden'>;
  /** Display radius per node. */
  size: ReadonlyMap<string, number>;
  community: ReadonlyMap<string, number>;
  /** Items kept bright (hover, selection, a highlighted path); null: everything is. */
  focus: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  /** Actors in the analyst's multi-selection. */
  marked: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
}

type NodeInput = NodeAttributes & { x: number; y: number };
type EdgeInput = EdgeAttributes & { parallelIndex?: number | null; parallelMaxIndex?: number | null };

export function nodeDisplay(ctx: DisplayContext, node: string, attrs: NodeInput): Partial<NodeDisplayData> & { type: string } {
  const { colour, selection, mode } = ctx.state;
  const base =
    colour === 'community'
      ? (COMMUNITY_COLOURS[(ctx.community.get(node) ?? 0) % COMMUNITY_COLOURS.length] ?? '#999999')
      : KIND_COLOURS[attrs.kind];
  const display: Partial<NodeDisplayData> & { type: string } = {
    x: attrs.x,
    y: attrs.y,
    label: shortLabel(attrs),
    size: ctx.size.get(node) ?? MIN_NODE_SIZE,
    color: base,
    type: KIND_SHAPES[attrs.kind],
    zIndex: 1,
    forceLabel: mode === 'paths',
  };
  if (ctx.hidden.has(node)) return { ...display, hidden: true, label: '' };
  if (ctx.focus) {
    if (ctx.focus.nodes.has(node)) {
      display.forceLabel = true;
      display.zIndex = 2;
    } else {
      display.color = fade(base, 0.82);
      display.label = '';
      display.forceLabel = false;
      display.zIndex = 0;
    }
  }
  // The multi-selection stays in full colour and named, whatever else is in focus.
  if (ctx.marked.has(node)) {
    display.highlighted = true;
    display.forceLabel = true;
    display.color = base;
    display.label = shortLabel(attrs);
    display.zIndex = 2;
  }
  if (selection?.kind === 'node' && selection.id === node) display.highlighted = true;
  return display;
}

export function edgeDisplay(
  ctx: DisplayContext,
  edge: string,
  attrs: EdgeInput,
  ends: readonly [string, string],
): Partial<EdgeDisplayData> & Record<string, unknown> {
  const { mode, selection } = ctx.state;
  if (ctx.hidden.has(ends[0]) || ctx.hidden.has(ends[1])) return { hidden: true };
  const strength = strengthOf(attrs);
  const compared = mode === 'compare' && attrs.side;
  const hue = compared ? SIDE_COLOURS[attrs.side!] : strength === 'denied' ? DENIED_COLOUR : TYPE_COLOURS[attrs.type];
  const alpha = compared ? (attrs.side === 'contradicted' ? 1 : 0.85) : STRENGTH_ALPHA[strength];
  const curved = typeof attrs.parallelIndex === 'number' && typeof attrs.parallelMaxIndex === 'number';
  const program = `${curved ? 'curved' : 'straight'}${attrs.symmetric ? '' : 'Arrow'}`;
  let size = 1 + Math.log2(attrs.claims) * 1.2;
  if (attrs.contested || attrs.side === 'contradicted') size *= 2;
  // Contested and denied-only relations say so in words, naming the relation, not only in colour.
  const flagged = attrs.contested || (strength === 'denied' && !compared);
  const display: Partial<EdgeDisplayData> & Record<string, unknown> = {
    type: program === 'straightArrow' ? 'arrow' : program,
    color: withAlpha(hue, alpha),
    size,
    zIndex: strength === 'firm' ? 1 : 0,
    curvature: curved ? curvature(attrs.parallelIndex!, attrs.parallelMaxIndex!) : 0,
    label: flagged ? relationLabel(attrs) : '',
    labelColor: attrs.contested ? CONTESTED_LABEL_COLOUR : '#4d4d4d',
    forceLabel: flagged,
  };
  if (ctx.focus) {
    if (ctx.focus.edges.has(edge)) {
      display.zIndex = 2;
      display.color = withAlpha(hue, Math.max(alpha, 0.6));
      if (ctx.focus.edges.size <= MAX_NAMED_EDGES) {
        display.label = relationLabel(attrs);
        display.labelColor = attrs.contested ? CONTESTED_LABEL_COLOUR : '#333333';
        display.forceLabel = true;
      }
    } else {
      display.color = withAlpha(hue, 0.07);
      display.label = '';
      display.forceLabel = false;
    }
  }
  if (selection?.kind === 'edge' && selection.id === edge) {
    display.size = size + 3;
    display.zIndex = 3;
    display.color = withAlpha(hue, 1);
  }
  return display;
}

/** Graph queries the focus needs (a graphology graph provides them). */
export interface Neighbourhood {
  hasNode(node: string): boolean;
  hasEdge(edge: string): boolean;
  neighbors(node: string): string[];
  edges(node: string): string[];
  extremities(edge: string): [string, string];
}

/**
 * What stays bright: a highlighted path wins; else the hovered or selected actor with its
 * neighbours; else a selected relation and its two ends.
 */
export function focusOf(
  graph: Neighbourhood,
  selection: ViewState['selection'],
  hovered: string | null,
  path: { nodes: string[]; edges: string[] } | null,
): DisplayContext['focus'] {
  if (path) return { nodes: new Set(path.nodes), edges: new Set(path.edges) };
  const anchor = hovered ?? (selection?.kind === 'node' && graph.hasNode(selection.id) ? selection.id : null);
  if (anchor) return { nodes: new Set([anchor, ...graph.neighbors(anchor)]), edges: new Set(graph.edges(anchor)) };
  if (selection?.kind === 'edge' && graph.hasEdge(selection.id)) {
    return { nodes: new Set(graph.extremities(selection.id)), edges: new Set([selection.id]) };
  }
  return null;
}

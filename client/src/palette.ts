/**
 * Every colour and line style the explorer draws, in one place: the graph reducers and
 * the legend read the same tables, so the legend cannot drift from the drawing.
 */
import type { ActorKind, CompareSide, EdgeAttributes, RelationType } from '../../server/domain/index.ts';

/**
 * Colours after Okabe & Ito and Paul Tol's colour-blind-safe sets. Under deuteranopia and
 * protanopia some relation types still share a hue family; each type also has a glyph, drawn
 * on its label and in the legend, as a second channel (tests/client/palette.test.ts checks both).
 */
export const KIND_COLOURS: Record<ActorKind, string> = {
  group: '#d55e00',
  state: '#0072b2',
  organization: '#009e73',
  person: '#cc79a7',
  place: '#6b6b6b',
  event: '#e69f00',
};

/** States are drawn as squares, every other kind as a disc. */
export const KIND_SHAPES: Record<ActorKind, 'square' | 'circle'> = {
  group: 'circle',
  state: 'square',
  organization: 'circle',
  person: 'circle',
  place: 'circle',
  event: 'circle',
};

/** Cooperation in greens and blues, hostility in oranges and reds, geography in teal and grey. */
export const TYPE_COLOURS: Record<RelationType, string> = {
  SUPPORTS: '#009e73',
  ALLIED_WITH: '#56b4e9',
  AFFILIATE_OF: '#0072b2',
  MEMBER_OF: '#332288',
  RIVAL_OF: '#e69f00',
  CLASHES_WITH: '#d55e00',
  PERPETRATED: '#882255',
  COUNTERS: '#222222',
  ACCUSES: '#cc79a7',
  PRESSURES: '#aa4499',
  RECRUITS_FROM: '#999933',
  OPERATES_IN: '#44aa99',
  LOCATED_IN: '#888888',
};

/** A glyph per relation type: the second channel beside colour (labels, legend, panels). */
export const TYPE_GLYPHS: Record<RelationType, string> = {
  SUPPORTS: '+',
  ALLIED_WITH: '=',
  AFFILIATE_OF: '⊂',
  MEMBER_OF: '∈',
  RIVAL_OF: '≠',
  CLASHES_WITH: '×',
  PERPETRATED: '!',
  COUNTERS: '⊥',
  ACCUSES: '?',
  PRESSURES: '»',
  RECRUITS_FROM: '←',
  OPERATES_IN: '⊙',
  LOCATED_IN: '@',
};

/** How a relation reads in words: "SUPPORTS" → "supports". */
export const typeWords = (type: RelationType): string => type.toLowerCase().replace(/_/g, ' ');

export const SIDE_COLOURS: Record<CompareSide, string> = {
  a: '#0072b2',
  b: '#e69f00',
  both: '#009e73',
  contradicted: '#b2182b',
};

export const SIDE_LABELS: Record<CompareSide, string> = {
  a: 'only in source A',
  b: 'only in source B',
  both: 'in both sources',
  contradicted: 'contradicted (one supports, the other denies)',
};

/** Louvain communities (Tableau 10). */
export const COMMUNITY_COLOURS = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
  '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
];

export const DENIED_COLOUR = '#8c8c8c';
export const CONTESTED_LABEL_COLOUR = '#b2182b';
export const BACKGROUND = '#ffffff';

/**
 * How firmly the evidence holds an edge: `firm` when some claim is asserted or reported,
 * `weak` when the support is only alleged or speculative, `denied` when every claim denies it.
 */
export type Strength = 'firm' | 'weak' | 'denied';

export function strengthOf(edge: Pick<EdgeAttributes, 'certainty'>): Strength {
  const c = edge.certainty;
  if (c.asserted + c.reported > 0) return 'firm';
  if (c.alleged + c.speculative > 0) return 'weak';
  return 'denied';
}

/** Opacity an edge is drawn with, by strength. */
export const STRENGTH_ALPHA: Record<Strength, number> = { firm: 0.9, weak: 0.3, denied: 0.55 };

export function withAlpha(hex: string, alpha: number): string {
  const byte = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex.slice(0, 7)}${byte}`;
}

/** Mix a colour toward the background (solid, unlike alpha, so faded nodes do not show through). */
export function fade(hex: string, amount: number): string {
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  const mix = (v: number) => Math.round(v + (255 - v) * amount).toString(16).padStart(2, '0');
  return `#${mix(channel(1))}${mix(channel(3))}${mix(channel(5))}`;
}

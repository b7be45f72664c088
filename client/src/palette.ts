/**
 * Every colour and line style the explorer draws, in one place: the graph reducers and
 * the legend read the same tables, so the legend cannot drift from the drawing.
 */
import type { ActorKind, CompareSide, EdgeAttributes, RelationType } from '../../server/domain/index.ts';

export const KIND_COLOURS: Record<ActorKind, string> = {
  group: '#c62828',
  state: '#1565c0',
  organization: '#00897b',
  person: '#8e24aa',
  place: '#558b2f',
  event: '#ef6c00',
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

/** Cooperation in greens and blues, hostility in reds and oranges, geography in indigo and tan. */
export const TYPE_COLOURS: Record<RelationType, string> = {
  SUPPORTS: '#2e7d32',
  ALLIED_WITH: '#0097a7',
  AFFILIATE_OF: '#1e88e5',
  MEMBER_OF: '#7e57c2',
  RIVAL_OF: '#f9a825',
  CLASHES_WITH: '#e53935',
  PERPETRATED: '#880e4f',
  COUNTERS: '#4e342e',
  ACCUSES: '#d81b60',
  PRESSURES: '#fb8c00',
  RECRUITS_FROM: '#9e9d24',
  OPERATES_IN: '#5c6bc0',
  LOCATED_IN: '#a1887f',
};

export const SIDE_COLOURS: Record<CompareSide, string> = {
  a: '#1e88e5',
  b: '#fb8c00',
  both: '#43a047',
  contradicted: '#d50000',
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

export const DENIED_COLOUR = '#9e9e9e';
export const CONTESTED_LABEL_COLOUR = '#b71c1c';
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

/**
 * The view state: everything a link must reproduce (mode, filters, selection, camera,
 * appearance). A small observable store; the URL is its serialised form.
 */
import { z } from 'zod';
import { GraphFilters } from '../../server/domain/index.ts';

export const Mode = z.enum(['all', 'ego', 'paths', 'compare']);
export type Mode = z.infer<typeof Mode>;
export const SizeMetric = z.enum(['degree', 'betweenness', 'pagerank']);
export type SizeMetric = z.infer<typeof SizeMetric>;
export const ColourScheme = z.enum(['kind', 'community']);
export type ColourScheme = z.infer<typeof ColourScheme>;

export type Selection = { kind: 'node' | 'edge'; id: string } | null;
export type Camera = { x: number; y: number; ratio: number; angle: number };

export interface ViewState {
  mode: Mode;
  filters: GraphFilters;
  /** Actors whose neighbourhoods make up the ego view, in the order they were expanded. */
  ego: string[];
  path: { from?: string; to?: string; maxLength: number };
  compare: { a?: string; b?: string };
  selection: Selection;
  size: SizeMetric;
  colour: ColourScheme;
  camera?: Camera;
}

export const initialState: ViewState = {
  mode: 'all',
  filters: {},
  ego: [],
  path: { maxLength: 4 },
  compare: {},
  selection: null,
  size: 'degree',
  colour: 'kind',
};

type Listener = (state: ViewState, previous: ViewState) => void;

export class Store {
  private listeners = new Set<Listener>();
  constructor(private state: ViewState) {}

  get(): ViewState {
    return this.state;
  }

  set(patch: Partial<ViewState>): void {
    const previous = this.state;
    this.state = { ...previous, ...patch };
    for (const listener of this.listeners) listener(this.state, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const FILTER_KEYS = Object.keys(GraphFilters.shape) as (keyof GraphFilters)[];
const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

/** Reads a view from a query string; anything malformed falls back to the default. */
export function parseView(search: string): ViewState {
  const query = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value === null) continue;
    const parsed = GraphFilters.shape[key].safeParse(value);
    if (parsed.success) filters[key] = parsed.data;
  }
  const selection = /^(n|e):(.+)$/.exec(query.get('sel') ?? '');
  const camera = list(query.get('cam')).map(Number);
  const maxLength = Number(query.get('pl'));
  return {
    mode: Mode.catch(initialState.mode).parse(query.get('mode') ?? undefined),
    filters: filters as GraphFilters,
    ego: list(query.get('ego')),
    path: {
      from: query.get('pf') ?? undefined,
      to: query.get('pt') ?? undefined,
      maxLength: Number.isInteger(maxLength) && maxLength >= 1 && maxLength <= 6 ? maxLength : initialState.path.maxLength,
    },
    compare: { a: query.get('a') ?? undefined, b: query.get('b') ?? undefined },
    selection: selection ? { kind: selection[1] === 'n' ? 'node' : 'edge', id: selection[2]! } : null,
    size: SizeMetric.catch(initialState.size).parse(query.get('size') ?? undefined),
    colour: ColourScheme.catch(initialState.colour).parse(query.get('colour') ?? undefined),
    camera:
      camera.length === 4 && camera.every(Number.isFinite)
        ? { x: camera[0]!, y: camera[1]!, ratio: camera[2]!, angle: camera[3]! }
        : undefined,
  };
}

/** The query string of a view; defaults are left out so links stay short. */
export function serializeView(state: ViewState): string {
  const query = new URLSearchParams();
  if (state.mode !== 'all') query.set('mode', state.mode);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value === undefined) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (state.mode === 'ego' && state.ego.length > 0) query.set('ego', state.ego.join(','));
  if (state.mode === 'paths') {
    if (state.path.from) query.set('pf', state.path.from);
    if (state.path.to) query.set('pt', state.path.to);
    query.set('pl', String(state.path.maxLength));
  }
  if (state.mode === 'compare') {
    if (state.compare.a) query.set('a', state.compare.a);
    if (state.compare.b) query.set('b', state.compare.b);
  }
  if (state.selection) query.set('sel', `${state.selection.kind === 'node' ? 'n' : 'e'}:${state.selection.id}`);
  if (state.size !== initialState.size) query.set('size', state.size);
  if (state.colour !== initialState.colour) query.set('colour', state.colour);
  if (state.camera) {
    const { x, y, ratio, angle } = state.camera;
    query.set('cam', [x, y, ratio, angle].map((n) => Number(n.toFixed(4))).join(','));
  }
  return query.toString();
}

/**
 * The view state: everything a link must reproduce (mode, filters, selection, hidden and
 * pinned actors, camera, appearance). The URL is its serialised form; every change goes
 * through one reducer (`reduce`) as an action, so history, undo and the URL follow alike.
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
export type Point = { x: number; y: number };
export interface PathSpec {
  from?: string;
  to?: string;
  maxLength: number;
}

export interface ViewState {
  mode: Mode;
  /** A list filter set to [] selects nothing (an empty graph), unlike an absent one. */
  filters: GraphFilters;
  /** Actors whose neighbourhoods make up the ego view, in the order they were expanded. */
  ego: string[];
  path: PathSpec;
  compare: { a?: string; b?: string };
  selection: Selection;
  /** Actors the analyst dismissed from the drawing. */
  hidden: string[];
  /** Actors dragged to a place of the analyst's choosing (graph coordinates). */
  pins: Record<string, Point>;
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
  hidden: [],
  pins: {},
  size: 'degree',
  colour: 'kind',
};

/** Every change of the view is one of these. */
export type Action =
  | { type: 'select'; selection: Selection }
  | { type: 'filter'; patch: Partial<{ [K in keyof GraphFilters]: GraphFilters[K] | undefined }> }
  | { type: 'resetFilters' }
  | { type: 'mode'; mode: Mode }
  | { type: 'expand'; ids: string[]; select?: string }
  | { type: 'path'; patch: Partial<PathSpec> }
  | { type: 'compare'; a: string; b: string }
  | { type: 'appearance'; size?: SizeMetric; colour?: ColourScheme }
  | { type: 'hide'; ids: string[] }
  | { type: 'unhide'; ids?: string[] }
  | { type: 'pin'; id: string; at: Point }
  | { type: 'unpin'; id: string }
  | { type: 'camera'; camera: Camera }
  /** Back, Forward, undo, redo: a state read back from history. */
  | { type: 'restore'; state: ViewState };

/** Actions that are no history entry of their own: camera moves refine the current one. */
export const isHistoryEntry = (action: Action): boolean => action.type !== 'camera' && action.type !== 'restore';

const unique = (ids: string[]) => [...new Set(ids)];

/** The one place the view changes. Pure: the same state and action give the same next state. */
export function reduce(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'select':
      return { ...state, selection: action.selection };
    case 'filter': {
      const filters: Record<string, unknown> = { ...state.filters, ...action.patch };
      for (const key of Object.keys(filters)) if (filters[key] === undefined) delete filters[key];
      return { ...state, filters: filters as GraphFilters };
    }
    case 'resetFilters':
      return { ...state, filters: {} };
    case 'mode':
      return { ...state, mode: action.mode, selection: null };
    case 'expand': {
      const ego = state.mode === 'ego' ? unique([...state.ego, ...action.ids]) : unique(action.ids);
      const select = action.select ?? action.ids.at(-1);
      return { ...state, mode: 'ego', ego, selection: select ? { kind: 'node', id: select } : state.selection };
    }
    case 'path': {
      const path = { ...state.path, ...action.patch };
      return { ...state, path, mode: path.from && path.to ? 'paths' : state.mode, selection: null };
    }
    case 'compare':
      return { ...state, mode: 'compare', compare: { a: action.a, b: action.b }, selection: null };
    case 'appearance':
      return { ...state, size: action.size ?? state.size, colour: action.colour ?? state.colour };
    case 'hide': {
      const hidden = unique([...state.hidden, ...action.ids]);
      const selection = state.selection?.kind === 'node' && hidden.includes(state.selection.id) ? null : state.selection;
      return { ...state, hidden, selection };
    }
    case 'unhide':
      return { ...state, hidden: action.ids ? state.hidden.filter((id) => !action.ids!.includes(id)) : [] };
    case 'pin':
      return { ...state, pins: { ...state.pins, [action.id]: action.at } };
    case 'unpin': {
      const { [action.id]: _gone, ...pins } = state.pins;
      return { ...state, pins };
    }
    case 'camera':
      return { ...state, camera: action.camera };
    case 'restore':
      return action.state;
  }
}

type Listener = (state: ViewState, previous: ViewState, action: Action) => void;

export class Store {
  private listeners = new Set<Listener>();
  constructor(private state: ViewState) {}

  get(): ViewState {
    return this.state;
  }

  dispatch(action: Action): void {
    const previous = this.state;
    this.state = reduce(previous, action);
    for (const listener of this.listeners) listener(this.state, previous, action);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const FILTER_KEYS = Object.keys(GraphFilters.shape) as (keyof GraphFilters)[];
const LIST_KEYS = new Set<keyof GraphFilters>(['documents', 'types', 'certainty', 'kinds', 'origin']);
const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
/** Coordinates and camera values are kept to 4 decimals in links. */
const round = (n: number) => Number(n.toFixed(4));
const ACTOR_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Reads a view from a query string; anything malformed falls back to the default. */
export function parseView(search: string): ViewState {
  const query = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value === null) continue;
    // An empty list in a link means "none of them", not "no filter".
    if (LIST_KEYS.has(key) && value === '') {
      filters[key] = [];
      continue;
    }
    const parsed = GraphFilters.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  const selection = /^(n|e):(.+)$/.exec(query.get('sel') ?? '');
  const camera = list(query.get('cam')).map(Number);
  const maxLength = Number(query.get('pl'));
  const pins: Record<string, Point> = {};
  for (const pin of list(query.get('pin'))) {
    const [id, x, y] = pin.split(':');
    if (id && ACTOR_ID.test(id) && Number.isFinite(Number(x)) && Number.isFinite(Number(y)) && x !== '' && y !== '') {
      pins[id] = { x: Number(x), y: Number(y) };
    }
  }
  const text = (key: string) => query.get(key) || undefined;
  return {
    mode: Mode.catch(initialState.mode).parse(query.get('mode') ?? undefined),
    filters: filters as GraphFilters,
    ego: unique(list(query.get('ego'))),
    path: {
      from: text('pf'),
      to: text('pt'),
      maxLength: Number.isInteger(maxLength) && maxLength >= 1 && maxLength <= 6 ? maxLength : initialState.path.maxLength,
    },
    compare: { a: text('a'), b: text('b') },
    selection: selection ? { kind: selection[1] === 'n' ? 'node' : 'edge', id: selection[2]! } : null,
    hidden: unique(list(query.get('hide'))),
    pins,
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
  if (state.ego.length > 0) query.set('ego', state.ego.join(','));
  if (state.path.from) query.set('pf', state.path.from);
  if (state.path.to) query.set('pt', state.path.to);
  if (state.path.maxLength !== initialState.path.maxLength) query.set('pl', String(state.path.maxLength));
  if (state.compare.a) query.set('a', state.compare.a);
  if (state.compare.b) query.set('b', state.compare.b);
  if (state.selection) query.set('sel', `${state.selection.kind === 'node' ? 'n' : 'e'}:${state.selection.id}`);
  if (state.hidden.length > 0) query.set('hide', state.hidden.join(','));
  const pins = Object.entries(state.pins);
  if (pins.length > 0) query.set('pin', pins.map(([id, p]) => `${id}:${round(p.x)}:${round(p.y)}`).join(','));
  if (state.size !== initialState.size) query.set('size', state.size);
  if (state.colour !== initialState.colour) query.set('colour', state.colour);
  if (state.camera) {
    const { x, y, ratio, angle } = state.camera;
    query.set('cam', [x, y, ratio, angle].map(round).join(','));
  }
  return query.toString();
}

/**
 * The view modes as a table: what each is called, when it can show, what it fetches, and the
 * scope its layout belongs to. main.ts looks modes up here instead of branching on them.
 */
import type { GraphFilters, SerializedGraph } from '../../server/domain/index.ts';
import { api } from './api.ts';
import { unionGraphs } from './model.ts';
import type { Mode, ViewState } from './state.ts';

/** One step of a scope's layout: the unfiltered graph it adds, and whom its newcomers sit beside. */
export interface LayoutStep {
  key: string;
  parent?: string;
  graph(): Promise<SerializedGraph>;
}

export interface ModeSpec {
  label: string;
  /** Whether the state holds what the mode needs (ego actors, two path ends, two sources). */
  ready(state: ViewState): boolean;
  /** What to say when the mode is chosen before it is ready. */
  hint: string;
  /** The graph to draw under these filters. */
  fetch(state: ViewState, filters: GraphFilters): Promise<SerializedGraph>;
  /** The layout steps: positions are a function of these, never of the filters. */
  steps(state: ViewState): LayoutStep[];
}

const none: GraphFilters = {};

export const MODES: Record<Mode, ModeSpec> = {
  all: {
    label: 'Whole graph',
    ready: () => true,
    hint: '',
    fetch: (_state, filters) => api.graph(filters),
    steps: () => [{ key: 'all', graph: () => api.graph(none) }],
  },
  ego: {
    label: 'Neighbourhood',
    ready: (state) => state.ego.length > 0,
    hint: 'Select an actor and expand it first.',
    fetch: async (state, filters) => unionGraphs(await Promise.all(state.ego.map((id) => api.neighborhood(id, 1, filters)))),
    steps: (state) =>
      state.ego.map((id, i) => ({
        key: `ego:${state.ego.slice(0, i + 1).join(',')}`,
        parent: id,
        graph: () => api.neighborhood(id, 1, none),
      })),
  },
  paths: {
    label: 'Paths',
    ready: (state) => Boolean(state.path.from && state.path.to),
    hint: 'Choose two actors under “Find paths”.',
    fetch: (state, filters) => api.paths(state.path.from!, state.path.to!, state.path.maxLength, filters),
    steps: (state) => [
      {
        key: `paths:${state.path.from}:${state.path.to}:${state.path.maxLength}`,
        graph: () => api.paths(state.path.from!, state.path.to!, state.path.maxLength, none),
      },
    ],
  },
  compare: {
    label: 'Compare',
    ready: (state) => Boolean(state.compare.a && state.compare.b),
    hint: 'Choose two documents under “Compare two sources”.',
    fetch: (state, filters) => api.compare(state.compare.a!, state.compare.b!, filters),
    steps: (state) => [
      { key: `compare:${state.compare.a}:${state.compare.b}`, graph: () => api.compare(state.compare.a!, state.compare.b!, none) },
    ],
  },
};

/** The mode that actually shows: one not ready falls back to the whole graph. */
export const effectiveMode = (state: ViewState): Mode => (MODES[state.mode].ready(state) ? state.mode : 'all');

/** The list filter left empty, if any: such a view shows nothing, and says why. */
export function emptySelection(filters: GraphFilters): string | null {
  const names: Record<string, string> = {
    documents: 'source documents',
    types: 'relation types',
    certainty: 'certainty levels',
    kinds: 'actor kinds',
    origin: 'origins',
  };
  for (const [key, name] of Object.entries(names)) {
    const value = filters[key as keyof GraphFilters];
    if (Array.isArray(value) && value.length === 0) return `No ${name} selected: tick at least one to see relations.`;
  }
  return null;
}

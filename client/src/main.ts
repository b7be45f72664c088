/**
 * The explorer's controller: one view state (serialised to the URL), one graphology model,
 * one Sigma view. State changes decide what to reload (graph data) or only redraw.
 */
import type { ClaimView, DocumentSummary, SerializedGraph } from '../../server/domain/index.ts';
import { api, ApiError } from './api.ts';
import { byId, h } from './dom.ts';
import { GraphView } from './graph-view.ts';
import { Layout } from './layout.ts';
import { createModel, syncModel, unionGraphs } from './model.ts';
import { actorSearch } from './panels/actor-search.ts';
import { DetailsPanel } from './panels/details.ts';
import { filtersPanel } from './panels/filters.ts';
import { renderLegend } from './panels/legend.ts';
import { Reader } from './panels/reader.ts';
import { toolsPanel } from './panels/tools.ts';
import { Mode, parseView, serializeView, Store, type ViewState } from './state.ts';

const MODE_NAMES: Record<Mode, string> = {
  all: 'Whole graph',
  ego: 'Neighbourhood',
  paths: 'Paths',
  compare: 'Compare',
};

const status = byId('status');
const say = (text: string, error = false) => {
  status.textContent = text;
  status.classList.toggle('error', error);
};

/** The years the time slider spans: from the earliest dated relation to this year. */
function yearExtent(graph: SerializedGraph): [number, number] {
  const now = new Date().getFullYear();
  const years = graph.edges
    .flatMap((e) => [e.attributes.firstWhen, e.attributes.lastWhen])
    .map((w) => Number(w?.slice(0, 4)))
    .filter((y) => Number.isInteger(y) && y > 1800 && y <= now);
  return [Math.min(now - 10, ...years), now];
}

async function boot(): Promise<void> {
  const store = new Store(parseView(location.search));
  const model = createModel();
  const [documents, everything] = await Promise.all([api.documents(), api.graph({})]);
  const documentsById = new Map<string, DocumentSummary>(documents.map((d) => [d.id, d]));

  const reader = new Reader(byId('reader'), (claim) => selectClaimEdge(claim));
  const openReader = (document: string, claim?: ClaimView) =>
    void reader.open(document, claim).catch((error: unknown) => say(`Could not open the document: ${String(error)}`, true));

  const view = new GraphView(byId('graph'), model, store, {
    node: (id) => store.set({ selection: { kind: 'node', id } }),
    edge: (id) => store.set({ selection: { kind: 'edge', id } }),
    expand: (id) => expand(id),
    background: () => store.set({ selection: null }),
  });
  const layout = new Layout(model);
  const details = new DetailsPanel(byId('details'), model, store, documentsById, {
    openReader,
    expand: (id) => expand(id),
    pathEnd: (end, id, name) => {
      tools.pathInputs[end].show(name);
      const path = { ...store.get().path, [end]: id };
      store.set({ path, mode: path.from && path.to ? 'paths' : store.get().mode });
    },
  });

  /** Ego view: add an actor's neighbourhood (or start one from it). */
  function expand(id: string): void {
    const { mode, ego } = store.get();
    const next = mode === 'ego' ? [...ego.filter((a) => a !== id), id] : [id];
    store.set({ mode: 'ego', ego: next, selection: { kind: 'node', id } });
  }

  /** Select the drawn relation a claim belongs to. */
  function selectClaimEdge(claim: ClaimView): void {
    const edge = model.edges(claim.subject.id, claim.object.id).find((e) => model.getEdgeAttribute(e, 'type') === claim.type)
      ?? model.edges(claim.object.id, claim.subject.id).find((e) => {
        const a = model.getEdgeAttributes(e);
        return a.type === claim.type && a.symmetric;
      });
    if (!edge) {
      say(`${claim.subject.name} ${claim.type} ${claim.object.name} is not in the current view.`);
      return;
    }
    store.set({ selection: { kind: 'edge', id: edge } });
    view.focusEdge(edge);
  }

  async function fetchView(state: ViewState): Promise<SerializedGraph> {
    const { filters } = state;
    switch (state.mode) {
      case 'ego':
        if (state.ego.length === 0) return api.graph(filters);
        return unionGraphs(await Promise.all(state.ego.map((id) => api.neighborhood(id, 1, filters))));
      case 'paths':
        if (!state.path.from || !state.path.to) return api.graph(filters);
        return api.paths(state.path.from, state.path.to, state.path.maxLength, filters);
      case 'compare':
        if (!state.compare.a || !state.compare.b) return api.graph(filters);
        return api.compare(state.compare.a, state.compare.b, filters);
      case 'all':
        return api.graph(filters);
    }
  }

  let loads = 0;
  let loading = false;
  let firstLoad = true;
  let framedScope = '';
  const scopeOf = (state: ViewState) =>
    JSON.stringify([state.mode, state.mode === 'ego' ? state.ego : [], state.mode === 'paths' ? state.path : {}, state.mode === 'compare' ? state.compare : {}]);
  async function load(): Promise<void> {
    const ticket = ++loads;
    loading = true;
    say('Loading…');
    try {
      const data = await fetchView(store.get());
      if (ticket !== loads) return;
      layout.stop();
      const added = syncModel(model, data);
      view.refresh();
      details.render();
      renderLegend(byId('legend'), model, store.get());
      // A new scope (mode, ego actors, path ends, compared sources) is framed afresh;
      // a filter change keeps the frame, so the remaining nodes do not move on screen.
      const scope = scopeOf(store.get());
      const reframe = scope !== framedScope;
      framedScope = scope;
      if (added > 0 || reframe) view.pinFrame(false);
      if (added > 0) await layout.run();
      if (ticket !== loads) return;
      if (added > 0 || reframe) {
        view.pinFrame(true);
        if (reframe && !firstLoad) view.fit();
      }
      firstLoad = false;
      const omitted = data.attributes.truncated ? ` (${data.attributes.omittedNodes} more left out)` : '';
      say(`${model.order} actors · ${model.size} relations${omitted}`);
      if (model.order === 0) say('Nothing matches: loosen the filters.');
    } catch (error) {
      if (ticket !== loads) return;
      say(error instanceof ApiError ? error.message : `Could not load the graph: ${String(error)}`, true);
    } finally {
      if (ticket === loads) loading = false;
    }
  }

  // Top bar: search and mode switch.
  const search = actorSearch({
    label: 'Search actors',
    placeholder: 'Search actors (press /)',
    onChoose: (hit) => {
      if (model.hasNode(hit.id)) {
        store.set({ selection: { kind: 'node', id: hit.id } });
        view.focusNode(hit.id);
      } else expand(hit.id);
    },
  });
  byId('search').append(search.element);
  const modeButtons = Mode.options.map((mode) =>
    h('button', {
      text: MODE_NAMES[mode],
      attrs: { type: 'button', 'aria-pressed': 'false' },
      dataset: { mode },
      on: {
        click: () => {
          const { ego, path, compare } = store.get();
          const ready = { all: true, ego: ego.length > 0, paths: Boolean(path.from && path.to), compare: Boolean(compare.a && compare.b) }[mode];
          if (ready) store.set({ mode, selection: null });
          else {
            const hint = { all: '', ego: 'Select an actor and expand it first.', paths: 'Choose two actors under “Find paths”.', compare: 'Choose two documents under “Compare two sources”.' };
            say(hint[mode]);
            const block = { all: null, ego: null, paths: byId('controls').querySelector('.tools details:nth-of-type(2)'), compare: byId('controls').querySelector('.tools details:nth-of-type(3)') }[mode];
            if (block instanceof HTMLDetailsElement) {
              block.open = true;
              block.querySelector<HTMLElement>('input, select')?.focus();
            }
          }
        },
      },
    }),
  );
  byId('modes').append(...modeButtons);
  const syncModes = () => {
    for (const b of modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === store.get().mode));
  };

  const tools = toolsPanel(store, documents, () => view.savePNG('dyad'));
  byId('controls').append(filtersPanel(store, documents, yearExtent(everything)), tools.element);

  // One subscriber decides between reloading data and restyling.
  store.subscribe((state, previous) => {
    const reload =
      state.mode !== previous.mode ||
      state.filters !== previous.filters ||
      (state.mode === 'ego' && state.ego !== previous.ego) ||
      (state.mode === 'paths' && state.path !== previous.path) ||
      (state.mode === 'compare' && state.compare !== previous.compare);
    if (reload) void load();
    else if (state.size !== previous.size) view.refresh();
    else if (state.selection !== previous.selection || state.colour !== previous.colour) view.restyle();
    if (state.selection !== previous.selection) details.render();
    if (state.mode !== previous.mode || state.colour !== previous.colour || state.size !== previous.size) {
      renderLegend(byId('legend'), model, state);
    }
    syncModes();
    history.replaceState(null, '', `?${serializeView(state)}`);
  });

  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  view.renderer.getCamera().on('updated', (camera) => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => store.set({ camera: { ...camera } }), 250);
  });

  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      search.input.focus();
      search.input.select();
    } else if (event.key === 'Escape') {
      if (reader.isOpen) reader.close();
      else store.set({ selection: null });
    }
  });

  // A read-only hook for the end-to-end tests and the curious: the model, the renderer, the state.
  Object.defineProperty(window, '__dyad', {
    value: Object.freeze({
      graph: model,
      renderer: view.renderer,
      get state() {
        return store.get();
      },
      get idle() {
        return !loading && !layout.running;
      },
    }),
  });

  const initial = store.get();
  if (initial.path.from) tools.pathInputs.from.show(initial.path.from);
  if (initial.path.to) tools.pathInputs.to.show(initial.path.to);
  syncModes();
  await load();
  if (initial.camera) view.renderer.getCamera().setState(initial.camera);
  if (initial.selection?.kind === 'node') view.focusNode(initial.selection.id);
}

boot().catch((error: unknown) => say(`dyad could not start: ${error instanceof Error ? error.message : String(error)}`, true));

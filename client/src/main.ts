/**
 * The explorer's controller: one view state changed only by actions (state.ts), written to
 * the URL as a history entry per meaningful change; one graphology model; one Sigma view.
 * A change either reloads data (mode, scope, filters) or only restyles; panels update
 * through one interface; modes come from a table (modes.ts).
 */
import type { ClaimView, DocumentSummary, SerializedGraph } from '../../server/domain/index.ts';
import { api, ApiError, forgetGraphs } from './api.ts';
import { byId, h } from './dom.ts';
import { caption, download, viewGexf, viewPng } from './exports.ts';
import { GraphView } from './graph-view.ts';
import { Layout, ScopeLayouts, seedPositions, type Positions } from './layout.ts';
import { createModel, EMPTY_GRAPH, movePositions, syncModel } from './model.ts';
import { effectiveMode, emptySelection, MODES } from './modes.ts';
import { Names } from './names.ts';
import { actorSearch } from './panels/actor-search.ts';
import { Annotation } from './panels/annotate.ts';
import { ContextMenu, type MenuItem } from './panels/context-menu.ts';
import { DetailsPanel } from './panels/details.ts';
import { filtersPanel } from './panels/filters.ts';
import { legendPanel } from './panels/legend.ts';
import type { Change, Panel } from './panels/panel.ts';
import { Reader } from './panels/reader.ts';
import { StageBar } from './panels/stage-bar.ts';
import { toolsPanel } from './panels/tools.ts';
import { isHistoryEntry, Mode, parseView, serializeView, Store, type Selection, type ViewState } from './state.ts';

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

/** What decides the data shown: the effective mode, its scope, the filters. */
const dataKey = (state: ViewState): string => {
  const mode = effectiveMode(state);
  return JSON.stringify([mode, MODES[mode].steps(state).map((s) => s.key), state.filters]);
};

/** Totals of a bounded overview, when the API sends them. */
type Totals = { totalNodes?: number; totalEdges?: number };

async function boot(): Promise<void> {
  const store = new Store(parseView(location.search));
  const model = createModel();
  const names = new Names(model);
  const layout = new Layout();
  const scopes = new ScopeLayouts(layout);
  // Asked first; Sigma sets up its WebGL while the answers travel.
  const answers = Promise.all([api.documents(), api.graph({})]);
  const layoutEl = byId('layout');
  const empty = byId('empty');
  const menu = new ContextMenu(byId('menu'));

  const select = (selection: Selection) => store.dispatch({ type: 'select', selection });
  const expand = (ids: string[]) => store.dispatch({ type: 'expand', ids });

  const reader = new Reader(
    byId('reader'),
    (claim) => selectClaimEdge(claim),
    (open) => layoutEl.classList.toggle('reading', open),
  );
  const openReader = (document: string, claim: ClaimView, opener: HTMLElement) =>
    void reader.open(document, claim, opener).catch((error: unknown) => say(`Could not open the document: ${String(error)}`, true));

  const view = new GraphView(byId('graph'), model, store, {
    select,
    expand: (id) => expand([id]),
    pin: (id, at) => store.dispatch({ type: 'pin', id, at }),
    marked: (ids) => stageBar.setMarked(ids),
    menu: (target, x, y) => openMenu(target, x, y),
    cursor: (id) => say(`${model.getNodeAttribute(id, 'name')}: ${model.degree(id)} relations. Enter selects.`),
  });
  const [documents, everything] = await answers;
  const documentsById = new Map<string, DocumentSummary>(documents.map((d) => [d.id, d]));
  const annotation = new Annotation({
    store,
    reader,
    documents,
    layout: layoutEl,
    say,
    changed: async (claim) => {
      forgetGraphs();
      await Promise.all([load(), reader.refresh(claim?.document === reader.document?.id ? claim : undefined)]);
      if (claim) selectClaimEdge(claim);
    },
  });
  const details = new DetailsPanel(byId('details'), model, store, documentsById, names, {
    openReader,
    expand: (id) => expand([id]),
    select: (selection) => {
      select(selection);
      details.focusHeading();
      if (selection?.kind === 'edge') view.focusEdge(selection.id);
      if (selection?.kind === 'node') view.focusNode(selection.id);
    },
    pathEnd,
    highlightPath: (path) => view.highlightPath(path),
    claimTools: (claim) => annotation.claimTools(claim),
  });
  const stageBar = new StageBar(store, model, {
    zoom: (direction) => view.zoom(direction),
    expand,
    exportSelection: (ids) => {
      const chosen = new Set(ids);
      const gexf = viewGexf(view, model, (node) => chosen.has(node));
      download('dyad-selection.gexf', new Blob([gexf], { type: 'application/xml' }));
    },
    clearMarked: () => view.setMarked([]),
  });
  byId('stage-bar').replaceWith(stageBar.element);

  /** One end of a path chosen from an actor: say what happened and what comes next. */
  function pathEnd(end: 'from' | 'to', id: string, name: string): void {
    tools.pathInputs[end].show(name);
    store.dispatch({ type: 'path', patch: { [end]: id } });
    const { path } = store.get();
    if (!(path.from && path.to)) {
      say(`Path ${end} ${name} set: now choose the other end (“Path ${end === 'from' ? 'to' : 'from'} here” on another actor, or under Find paths).`);
    }
  }

  /** Select the drawn relation a claim belongs to; focus stays in the reader. */
  function selectClaimEdge(claim: ClaimView): void {
    const edge =
      model.edges(claim.subject.id, claim.object.id).find((e) => model.getEdgeAttribute(e, 'type') === claim.type) ??
      model.edges(claim.object.id, claim.subject.id).find((e) => {
        const a = model.getEdgeAttributes(e);
        return a.type === claim.type && a.symmetric;
      });
    if (!edge) {
      say(`${claim.subject.name} ${claim.type} ${claim.object.name} is not in the current view.`);
      return;
    }
    select({ kind: 'edge', id: edge });
    view.focusEdge(edge);
  }

  function openMenu(target: Selection, x: number, y: number): void {
    const graph = byId('graph');
    let items: MenuItem[];
    let title: string;
    if (target?.kind === 'node' && model.hasNode(target.id)) {
      const id = target.id;
      const name = model.getNodeAttribute(id, 'name');
      const pinned = id in store.get().pins;
      title = name;
      items = [
        { label: 'Show relations', run: () => select({ kind: 'node', id }) },
        { label: 'Expand neighbourhood', run: () => expand([id]) },
        { label: 'Hide', run: () => store.dispatch({ type: 'hide', ids: [id] }) },
        pinned ? { label: 'Unpin', run: () => store.dispatch({ type: 'unpin', id }) } : null,
        { label: 'Path from here', run: () => pathEnd('from', id, name) },
        { label: 'Path to here', run: () => pathEnd('to', id, name) },
      ].filter((item): item is MenuItem => item !== null);
    } else if (target?.kind === 'edge' && model.hasEdge(target.id)) {
      const id = target.id;
      const [source, targetNode] = model.extremities(id);
      title = `${model.getNodeAttribute(source, 'name')} ${model.getEdgeAttribute(id, 'type')} ${model.getNodeAttribute(targetNode, 'name')}`;
      items = [
        { label: 'Show evidence', run: () => select({ kind: 'edge', id }) },
        { label: `Select ${model.getNodeAttribute(source, 'name')}`, run: () => select({ kind: 'node', id: source }) },
        { label: `Select ${model.getNodeAttribute(targetNode, 'name')}`, run: () => select({ kind: 'node', id: targetNode }) },
        { label: 'Hide both actors', run: () => store.dispatch({ type: 'hide', ids: [source, targetNode] }) },
      ];
    } else {
      title = 'Graph';
      items = [
        { label: 'Fit the whole graph', run: () => view.zoom('fit') },
        { label: 'Clear the selection', run: () => select(null) },
        ...(store.get().hidden.length ? [{ label: 'Show hidden actors', run: () => store.dispatch({ type: 'unhide' }) }] : []),
      ];
    }
    menu.open(title, items, x, y, graph);
  }

  let loads = 0;
  // Busy from the start: the first view is loading until load() says otherwise.
  let loading = true;
  let shownKey = '';
  /** Positions of the scope shown, with the filtered view's extra actors seeded beside them. */
  let positions: Positions = new Map();
  async function load(): Promise<void> {
    const ticket = ++loads;
    loading = true;
    const state = store.get();
    const spec = MODES[effectiveMode(state)];
    const nothing = emptySelection(state.filters);
    say('Loading…');
    try {
      const data = nothing ? EMPTY_GRAPH : await spec.fetch(state, state.filters);
      if (ticket !== loads) return;
      // Marks for tests/bench/explorer.ts (with dyad:data in api.ts): first frame drawn, layout done, view settled.
      let synced = false;
      const place = (scope: Positions) => {
        positions = new Map(scope);
        seedPositions(positions, data);
      };
      // The first frame comes from the seeded places; the layout's progress moves actors in it.
      const show = (scope: Positions) => {
        if (ticket !== loads) return;
        place(scope);
        const { pins } = store.get();
        if (!synced) {
          view.replace(() => {
            syncModel(model, data, (key) => pins[key] ?? positions.get(key)!);
            view.setSettling(true);
          });
          performance.mark('dyad:first-frame');
          synced = true;
        } else view.move(positions, pins);
      };
      const scope = nothing ? new Map() : await scopes.positionsFor(spec.steps(state), show);
      if (scope === null || ticket !== loads) return;
      performance.mark('dyad:laid-out');
      // A layout that ran in its worker (a first frame is on screen) is drawn settled in a task
      // of its own: the task that hears the layout end stays short.
      if (synced) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (ticket !== loads) return;
      }
      shownKey = dataKey(state);
      view.replace(() => {
        place(scope);
        const { pins } = store.get();
        if (synced) movePositions(model, positions, pins);
        else syncModel(model, data, (key) => pins[key] ?? positions.get(key)!);
        view.setSettling(false);
        view.frame([...scope.values(), ...positions.values(), ...Object.values(pins)]);
        // Panels before the drawing, so the stage has its final size when it is drawn once.
        for (const panel of panels) panel.update({ state, previous: state, loaded: true });
      });
      if (!synced) performance.mark('dyad:first-frame');
      empty.hidden = !nothing;
      empty.textContent = nothing ?? '';
      const totals = data.attributes as Totals;
      if (nothing) say(nothing);
      else if (data.attributes.truncated) {
        const of = totals.totalNodes ? ` of ${totals.totalNodes}` : '';
        const left = `${data.attributes.omittedNodes} actors, ${data.attributes.omittedEdges} relations left out`;
        say(
          effectiveMode(state) === 'all'
            ? `Overview: the ${model.order}${of} best-connected actors (${left}). Search, expand or filter to see more.`
            : `${model.order} actors · ${model.size} relations (${left}: narrow the filters to see them).`,
        );
      } else if (model.order === 0) say('Nothing matches: loosen the filters.');
      else say(`${model.order} actors · ${model.size} relations`);
      performance.mark('dyad:loaded');
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
      if (model.hasNode(hit.id) && !store.get().hidden.includes(hit.id)) {
        select({ kind: 'node', id: hit.id });
        view.focusNode(hit.id);
      } else if (model.hasNode(hit.id)) {
        store.dispatch({ type: 'unhide', ids: [hit.id] });
        select({ kind: 'node', id: hit.id });
      } else expand([hit.id]);
      details.focusHeading();
    },
  });
  byId('search').append(search.element);
  const modeButtons = Mode.options.map((mode) =>
    h('button', {
      text: MODES[mode].label,
      attrs: { type: 'button', 'aria-pressed': 'false' },
      dataset: { mode },
      on: {
        click: () => {
          if (MODES[mode].ready(store.get())) store.dispatch({ type: 'mode', mode });
          else {
            say(MODES[mode].hint);
            const block = { all: null, ego: null, paths: 'Find paths', compare: 'Compare two sources' }[mode];
            const summary = [...byId('controls').querySelectorAll('.tools summary')].find((s) => s.textContent === block);
            const details_ = summary?.parentElement;
            if (details_ instanceof HTMLDetailsElement) {
              details_.open = true;
              details_.querySelector<HTMLElement>('input, select')?.focus();
            }
          }
        },
      },
    }),
  );
  byId('modes').append(...modeButtons);
  const syncModes = () => {
    const shown = effectiveMode(store.get());
    for (const b of modeButtons) b.setAttribute('aria-pressed', String(b.dataset.mode === shown));
  };

  const exports = {
    png: async () => {
      const started = performance.now();
      const blob = await viewPng(view, model, caption(store.get(), documentsById, model));
      download('dyad.png', blob);
      say(`PNG saved (${Math.round(performance.now() - started)} ms).`);
    },
    gexf: () => download('dyad.gexf', new Blob([viewGexf(view, model)], { type: 'application/xml' })),
  };
  const tools = toolsPanel(store, documents, exports);
  const filters = filtersPanel(store, documents, yearExtent(everything));
  byId('controls').append(filters.element, tools.element, annotation.element);
  const panels: Panel[] = [filters, tools, details, legendPanel(byId('legend'), model), stageBar, annotation];

  store.subscribe((state, previous, action) => {
    const reload = dataKey(state) !== shownKey;
    if (reload) void load();
    else if (state.size !== previous.size || state.colour !== previous.colour) view.refresh();
    else if (state.pins !== previous.pins) {
      view.move(new Map(Object.entries(state.pins)), {});
      view.restyle();
    } else if (state.selection !== previous.selection || state.hidden !== previous.hidden) view.restyle();
    if (state.path.from !== previous.path.from || state.path.to !== previous.path.to || state.path.maxLength !== previous.path.maxLength) details.resetPath();
    const change: Change = { state, previous, action, loaded: false };
    for (const panel of panels) panel.update(change);
    syncModes();
    const url = `?${serializeView(state)}`;
    if (action.type === 'restore') {
      if (state.camera) view.renderer.getCamera().setState(state.camera);
    } else if (isHistoryEntry(action)) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  });
  // Back, Forward, and undo/redo (which walk the same history).
  window.addEventListener('popstate', () => store.dispatch({ type: 'restore', state: parseView(location.search) }));

  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  view.renderer.getCamera().on('updated', (camera) => {
    clearTimeout(cameraTimer);
    cameraTimer = setTimeout(() => store.dispatch({ type: 'camera', camera: { ...camera } }), 250);
  });

  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
    const undo = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z';
    if (event.key === '/' && !typing) {
      event.preventDefault();
      search.input.focus();
      search.input.select();
    } else if (undo && !typing) {
      event.preventDefault();
      if (event.shiftKey) history.forward();
      else history.back();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'y' && !typing) {
      event.preventDefault();
      history.forward();
    } else if (event.key === 'Escape') {
      if (menu.isOpen) menu.close();
      else if (reader.isOpen) reader.close();
      else select(null);
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
  const nameOf = async (id: string) => (await names.name(id)) ?? id;
  if (initial.path.from) tools.pathInputs.from.show(await nameOf(initial.path.from));
  if (initial.path.to) tools.pathInputs.to.show(await nameOf(initial.path.to));
  syncModes();
  history.replaceState(null, '', `?${serializeView(initial)}`);
  await load();
  if (initial.camera) view.renderer.getCamera().setState(initial.camera);
  else if (initial.selection?.kind === 'node') view.focusNode(initial.selection.id);
}

boot().catch((error: unknown) => say(`dyad could not start: ${error instanceof Error ? error.message : String(error)}`, true));

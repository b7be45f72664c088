/**
 * The drawing: Sigma over the model, styled by the pure reducers of display.ts, and the
 * pointer and keyboard gestures analysts expect: hover a relation for its numbers, drag an
 * actor to pin it, Shift-drag a lasso or Shift-click to gather actors, right-click for a menu,
 * arrow keys between neighbours. Gestures are reported as events; the view changes nothing.
 */
import { MultiDirectedGraph } from 'graphology';
import type { ActorKind } from '../../server/domain/index.ts';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { NodeSquareProgram } from '@sigma/node-square';
import { type DisplayContext, edgeDisplay, focusOf, nodeDisplay, relationLabel } from './display.ts';
import { h } from './dom.ts';
import { type DrawnEdge, edgeAt } from './edge-pick.ts';
import { extentOf } from './layout.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { movePositions, type Model, type ModelEdge, type ModelNode } from './model.ts';
import { KIND_SHAPES, strengthOf } from './palette.ts';
import type { Point, Selection, Store } from './state.ts';

export interface GraphEvents {
  select(selection: Selection): void;
  expand(id: string): void;
  pin(id: string, at: Point): void;
  /** The multi-selection changed (Shift-click, lasso). */
  marked(ids: ReadonlySet<string>): void;
  /** Right-click on an actor, a relation, or the background (target null). */
  menu(target: Selection, clientX: number, clientY: number): void;
  /** The keyboard cursor moved to an actor. */
  cursor(id: string): void;
}

const CERTAINTY_ORDER = ['asserted', 'reported', 'alleged', 'speculative', 'denied'] as const;
/** What Sigma holds while the model changes in bulk (see GraphView.replace). */
const DETACHED = new MultiDirectedGraph<ModelNode, ModelEdge>();

export class GraphView {
  readonly renderer: Sigma<ModelNode, ModelEdge>;
  private metrics: Metrics = { size: new Map(), community: new Map() };
  private hovered: string | null = null;
  private hoveredEdge: string | null = null;
  private cursorNode: string | null = null;
  private path: { nodes: string[]; edges: string[] } | null = null;
  private settling = false;
  /** What Sigma draws: the model, or while a big graph settles a copy of its actors alone. */
  private drawn: Model;
  private readonly marked = new Set<string>();
  private readonly tooltip: HTMLElement;
  private context!: DisplayContext;

  constructor(
    private readonly container: HTMLElement,
    private readonly model: Model,
    private readonly store: Store,
    private readonly events: GraphEvents,
  ) {
    this.updateContext();
    this.drawn = model;
    this.renderer = new Sigma<ModelNode, ModelEdge>(model, container, {
      nodeProgramClasses: { circle: NodeCircleProgram, square: NodeSquareProgram },
      edgeProgramClasses: {
        straight: EdgeRectangleProgram,
        arrow: EdgeArrowProgram,
        curved: EdgeCurveProgram,
        curvedArrow: EdgeCurvedArrowProgram,
      },
      defaultNodeType: 'circle',
      defaultEdgeType: 'straight',
      // Relations are picked in script (edge-pick.ts): Sigma's picking layer would double the edge programs.
      enableEdgeEvents: false,
      renderEdgeLabels: true,
      zIndex: true,
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      labelWeight: '600',
      labelColor: { color: '#1d2330' },
      edgeLabelFont: 'system-ui, sans-serif',
      edgeLabelSize: 11,
      edgeLabelColor: { attribute: 'labelColor', color: '#4d4d4d' },
      // Sigma's label grid keeps one label per cell, the biggest actor's: labels follow the size metric.
      labelDensity: 0.9,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      // Room at the rim for the labels of the outermost actors.
      stagePadding: 50,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => nodeDisplay(this.context, node, data),
      edgeReducer: (edge, data) => edgeDisplay(this.context, edge, data, this.renderer.getGraph().extremities(edge)),
    });
    this.warmUp();
    this.tooltip = h('div', { class: 'tooltip', attrs: { role: 'tooltip', id: 'edge-tooltip' } });
    this.tooltip.hidden = true;
    container.append(this.tooltip);
    container.tabIndex = 0;
    container.setAttribute('role', 'application');
    container.setAttribute(
      'aria-label',
      'Relationship graph. Arrow keys move between neighbouring actors, Enter selects, plus and minus zoom.',
    );

    let dragged: string | null = null;
    let dragMoved = false;
    let swallowClick = false;
    this.renderer.on('clickNode', ({ node }) => {
      if (swallowClick) return;
      this.events.select({ kind: 'node', id: node });
    });
    this.renderer.on('clickStage', ({ event }) => {
      if (swallowClick) return;
      const edge = this.edgeAt(event);
      this.events.select(edge ? { kind: 'edge', id: edge } : null);
    });
    this.renderer.on('doubleClickNode', (event) => {
      event.preventSigmaDefault();
      this.events.expand(event.node);
    });
    this.renderer.on('enterNode', ({ node }) => {
      this.hover(node);
      this.hoverEdge(null);
    });
    this.renderer.on('leaveNode', () => this.hover(null));

    // Drag an actor to move it; letting go pins it there (after Sigma's drag-and-drop example).
    this.renderer.on('downNode', ({ node, event }) => {
      if (event.original instanceof MouseEvent && (event.original.shiftKey || event.original.button !== 0)) return;
      dragged = node;
      dragMoved = false;
      swallowClick = false;
      if (!this.renderer.getCustomBBox()) this.renderer.setCustomBBox(this.renderer.getBBox());
    });
    const captor = this.renderer.getMouseCaptor();
    captor.on('mousemovebody', (event) => {
      if (!dragged) return;
      const at = this.renderer.viewportToGraph(event);
      this.model.mergeNodeAttributes(dragged, { x: at.x, y: at.y });
      dragMoved = true;
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
    });
    // The relation under the pointer, looked up once per frame however fast the pointer moves.
    let pointer: Point | null = null;
    captor.on('mousemove', (event) => {
      if (dragged) return;
      const waiting = pointer !== null;
      pointer = { x: event.x, y: event.y };
      if (waiting) return;
      requestAnimationFrame(() => {
        const at = pointer!;
        pointer = null;
        const edge = this.hovered ? null : this.edgeAt(at);
        if (edge !== this.hoveredEdge || edge) this.hoverEdge(edge, at);
      });
    });
    captor.on('mouseup', () => {
      if (dragged && dragMoved) {
        const { x, y } = this.model.getNodeAttributes(dragged);
        swallowClick = true;
        setTimeout(() => (swallowClick = false), 0);
        this.events.pin(dragged, { x, y });
      }
      dragged = null;
    });

    this.lasso();
    container.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      const node = this.nodeAt(this.local(event));
      const edge = node ? null : this.edgeAt(this.local(event));
      const target: Selection = node ? { kind: 'node', id: node } : edge ? { kind: 'edge', id: edge } : null;
      this.events.menu(target, event.clientX, event.clientY);
    });
    container.addEventListener('keydown', (event) => this.key(event));
    // Sigma sizes its canvases on window resizes only; panels opening change the stage too.
    // A render already made at the new size (Sigma measures the stage as it renders) needs no other.
    new ResizeObserver(() => {
      const { width, height } = this.renderer.getDimensions();
      if (container.offsetWidth !== width || container.offsetHeight !== height) this.renderer.refresh({ schedule: true });
    }).observe(container);
  }

  /**
   * Change the model in bulk (a new view's data, the settled layout) and draw once. Sigma is
   * detached meanwhile: attached, it would restyle and re-index for every actor and relation
   * added, moved or dropped, one event at a time.
   */
  replace(change: () => void): void {
    this.container.style.visibility = '';
    this.renderer.setGraph(DETACHED);
    try {
      change();
    } finally {
      this.hovered = null;
      const { size, colour } = this.store.get();
      this.metrics = computeMetrics(this.model, size, colour === 'community');
      for (const id of this.marked) if (!this.model.hasNode(id)) this.marked.delete(id);
      this.updateContext();
      // Reattaching processes and renders the whole model once (its actors only while a big graph settles).
      this.drawn = this.settling ? actorsOf(this.model) : this.model;
      this.renderer.setGraph(this.drawn);
    }
  }

  /**
   * Until the first view is drawn the stage stays hidden, and meanwhile a sample of every actor
   * shape and relation line is drawn once and sent to the GPU: with software WebGL the shaders
   * compile on their first drawing, and this way they do while the data travels, not in the
   * first frame that shows it.
   */
  private warmUp(): void {
    this.container.style.visibility = 'hidden';
    this.renderer.setGraph(sampleGraph());
    for (const canvas of Object.values(this.renderer.getCanvases())) {
      (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))?.flush();
    }
    this.renderer.setGraph(this.model);
  }

  /** Move actors to the layout's positions, leaving the pinned ones (see model.ts). */
  move(positions: ReadonlyMap<string, Point>, pinned: Readonly<Record<string, unknown>>): void {
    movePositions(this.model, positions, pinned);
    if (this.drawn !== this.model) movePositions(this.drawn, positions, pinned);
  }

  get markedActors(): ReadonlySet<string> {
    return this.marked;
  }

  /** Recompute metrics (after the size metric or the colours changed) and redraw. */
  refresh(): void {
    this.replace(() => undefined);
  }

  /** Redraw after a change of view state only (selection, colours, hidden actors, path). */
  restyle(): void {
    this.updateContext();
    this.renderer.refresh();
  }

  /**
   * Above this many relations, they are left out of the frames drawn while the layout runs:
   * Sigma is given the actors alone, so it neither styles nor uploads relations it would hide.
   */
  static readonly SETTLE_WITHOUT_EDGES = 5000;

  /** A layout started or ended: big graphs draw their actors only until it ends (at the next replace). */
  setSettling(settling: boolean): void {
    this.settling = settling && this.model.size > GraphView.SETTLE_WITHOUT_EDGES;
  }

  /** Frame the scope's extent, so filtering (which only drops actors) never rescales the view. */
  frame(positions: Iterable<Point>): void {
    this.renderer.setCustomBBox(extentOf(positions));
  }

  /** Highlight one path (its actors and relations), or none. */
  highlightPath(path: { nodes: string[]; edges: string[] } | null): void {
    this.path = path;
    this.restyle();
  }

  setMarked(ids: Iterable<string>): void {
    this.marked.clear();
    for (const id of ids) if (this.model.hasNode(id)) this.marked.add(id);
    this.events.marked(this.marked);
    this.restyle();
  }

  focusNode(id: string): void {
    const data = this.renderer.getNodeDisplayData(id);
    if (!data) return;
    void this.renderer.getCamera().animate({ x: data.x, y: data.y, ratio: Math.min(this.renderer.getCamera().ratio, 0.8) }, { duration: 300 });
  }

  focusEdge(id: string): void {
    if (!this.model.hasEdge(id)) return;
    const [source, target] = this.model.extremities(id).map((n) => this.renderer.getNodeDisplayData(n));
    if (!source || !target) return;
    void this.renderer
      .getCamera()
      .animate({ x: (source.x + target.x) / 2, y: (source.y + target.y) / 2, ratio: Math.min(this.renderer.getCamera().ratio, 0.9) }, { duration: 300 });
  }

  zoom(direction: 'in' | 'out' | 'fit'): void {
    const camera = this.renderer.getCamera();
    if (direction === 'in') void camera.animatedZoom({ duration: 200 });
    else if (direction === 'out') void camera.animatedUnzoom({ duration: 200 });
    else void camera.animatedReset({ duration: 200 });
  }

  /**
   * The whole drawing (not only what the camera shows), rendered once at the fitted camera
   * and copied from Sigma's layers in the same task, before the browser clears them.
   */
  snapshot(): HTMLCanvasElement {
    const camera = this.renderer.getCamera();
    const saved = camera.getState();
    const { width, height } = this.renderer.getDimensions();
    const canvas = document.createElement('canvas');
    const scale = 2;
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    // A little wider than the fit, so labels at the rim are not cut.
    camera.setState({ x: 0.5, y: 0.5, ratio: 1.2, angle: 0 });
    this.renderer.refresh();
    for (const [name, layer] of Object.entries(this.renderer.getCanvases())) {
      if (name !== 'mouse') ctx.drawImage(layer, 0, 0, canvas.width, canvas.height);
    }
    camera.setState(saved);
    this.renderer.refresh();
    return canvas;
  }

  /** Node and edge display data as drawn now (for exports that follow the view). */
  shown(): { nodes: [string, { label: string; x: number; y: number; size: number; color: string }][]; edges: [string, string, string, { label: string; color: string; size: number }][] } {
    const nodes: ReturnType<GraphView['shown']>['nodes'] = [];
    this.model.forEachNode((node, attrs) => {
      const d = this.renderer.getNodeDisplayData(node);
      if (!d || d.hidden) return;
      nodes.push([node, { label: attrs.name, x: attrs.x, y: attrs.y, size: d.size, color: d.color }]);
    });
    const edges: ReturnType<GraphView['shown']>['edges'] = [];
    this.model.forEachEdge((edge, attrs, source, target) => {
      const d = this.renderer.getEdgeDisplayData(edge);
      if (!d || d.hidden) return;
      edges.push([edge, source, target, { label: relationLabel(attrs), color: d.color, size: d.size }]);
    });
    return { nodes, edges };
  }

  private updateContext(): void {
    const state = this.store.get();
    const shownPath = this.path && state.mode === 'paths' ? this.path : null;
    this.context = {
      state,
      size: this.metrics.size,
      community: this.metrics.community,
      focus: focusOf(this.model, state.selection, this.hovered ?? this.cursorNode, shownPath),
      marked: this.marked,
      hidden: new Set(state.hidden),
    };
  }

  private hover(node: string | null): void {
    this.hovered = node;
    this.container.classList.toggle('pointer', node !== null);
    this.updateContext();
    this.renderer.refresh({ skipIndexation: true });
  }

  /** Hovering a relation shows its type, certainty and counts beside the pointer. */
  private hoverEdge(edge: string | null, at?: Point): void {
    this.hoveredEdge = edge;
    this.container.classList.toggle('pointer', edge !== null);
    if (!edge || !at || !this.model.hasEdge(edge)) {
      this.tooltip.hidden = true;
      return;
    }
    const attrs = this.model.getEdgeAttributes(edge);
    const [source, target] = this.model.extremities(edge).map((n) => this.model.getNodeAttribute(n, 'name'));
    const certainty = CERTAINTY_ORDER.filter((c) => attrs.certainty[c] > 0).map((c) => `${attrs.certainty[c]} ${c}`);
    const strength = strengthOf(attrs);
    this.tooltip.replaceChildren(
      h('strong', { text: `${source} ${attrs.symmetric ? '↔' : '→'} ${target}` }),
      h('div', { text: relationLabel(attrs) }),
      h('div', { text: certainty.join(' · ') }),
      h('div', {
        text: `${attrs.claims} claim${attrs.claims === 1 ? '' : 's'} · ${strength === 'denied' ? `denied in ${attrs.denying}` : `supported by ${attrs.supporting}`} of ${attrs.documents.length} doc${attrs.documents.length === 1 ? '' : 's'}`,
      }),
    );
    this.tooltip.hidden = false;
    const { width } = this.renderer.getDimensions();
    this.tooltip.style.left = `${Math.min(at.x + 14, width - 240)}px`;
    this.tooltip.style.top = `${at.y + 14}px`;
  }

  private local(event: MouseEvent): Point {
    const box = this.container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  /** The drawn actor under a point of the stage, if any. */
  private nodeAt(at: Point): string | null {
    let best: string | null = null;
    let bestDistance = Infinity;
    this.model.forEachNode((node) => {
      const d = this.renderer.getNodeDisplayData(node);
      if (!d || d.hidden) return;
      const p = this.renderer.framedGraphToViewport(d);
      const distance = Math.hypot(p.x - at.x, p.y - at.y);
      if (distance <= this.renderer.scaleSize(d.size) + 3 && distance < bestDistance) {
        best = node;
        bestDistance = distance;
      }
    });
    return best;
  }

  /** The drawn relation under a point of the stage, if any (see edge-pick.ts). */
  private edgeAt(at: Point): string | null {
    if (this.settling) return null;
    const renderer = this.renderer;
    const place = new Map<string, Point>();
    const viewport = (node: string): Point | null => {
      let p = place.get(node);
      if (!p) {
        const d = renderer.getNodeDisplayData(node);
        if (!d) return null;
        p = renderer.framedGraphToViewport(d);
        place.set(node, p);
      }
      return p;
    };
    const drawn: DrawnEdge[] = [];
    this.model.forEachEdge((key, _attrs, sourceNode, targetNode) => {
      const d = renderer.getEdgeDisplayData(key);
      if (!d || d.hidden) return;
      const [source, target] = [viewport(sourceNode), viewport(targetNode)];
      if (!source || !target) return;
      const curvature = (d as { curvature?: number }).curvature ?? 0;
      drawn.push({ key, source, target, curvature, thickness: 2 * renderer.scaleSize(d.size), zIndex: d.zIndex });
    });
    return edgeAt(at, drawn);
  }

  /** Shift-drag draws a lasso around actors; Shift-click adds or removes one. */
  private lasso(): void {
    const svgNS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNS, 'svg');
    svg.classList.add('lasso');
    const outline = document.createElementNS(svgNS, 'polygon');
    svg.append(outline);
    this.container.addEventListener(
      'mousedown',
      (down) => {
        if (!down.shiftKey || down.button !== 0) return;
        // Keep Sigma from panning: this gesture is ours.
        down.stopPropagation();
        down.preventDefault();
        const points: Point[] = [this.local(down)];
        this.container.append(svg);
        const move = (event: MouseEvent) => {
          points.push(this.local(event));
          outline.setAttribute('points', points.map((p) => `${p.x},${p.y}`).join(' '));
        };
        const up = (event: MouseEvent) => {
          window.removeEventListener('mousemove', move, true);
          window.removeEventListener('mouseup', up, true);
          svg.remove();
          outline.setAttribute('points', '');
          const end = this.local(event);
          const span = Math.max(...points.map((p) => Math.hypot(p.x - end.x, p.y - end.y)));
          if (span < 5) {
            const node = this.nodeAt(end);
            if (node) this.setMarked(this.marked.has(node) ? [...this.marked].filter((n) => n !== node) : [...this.marked, node]);
            return;
          }
          const inside = this.model.filterNodes((node) => {
            const d = this.renderer.getNodeDisplayData(node);
            return Boolean(d && !d.hidden && contains(points, this.renderer.framedGraphToViewport(d)));
          });
          this.setMarked([...this.marked, ...inside]);
        };
        window.addEventListener('mousemove', move, true);
        window.addEventListener('mouseup', up, true);
      },
      { capture: true },
    );
    // The clicks that end these gestures are ours too: Sigma would count a lasso and the
    // Shift-click after it as a double click (and expand), or a Shift-click as a selection.
    for (const type of ['click', 'dblclick'] as const) {
      this.container.addEventListener(
        type,
        (event) => {
          if (event.shiftKey && event.button === 0) event.stopPropagation();
        },
        { capture: true },
      );
    }
  }

  /** Arrow keys walk to the neighbour lying most in that direction; Enter selects it. */
  private key(event: KeyboardEvent): void {
    if (event.target !== this.container) return;
    const directions: Record<string, Point> = { ArrowRight: { x: 1, y: 0 }, ArrowLeft: { x: -1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 } };
    const hidden = new Set(this.store.get().hidden);
    const visible = (n: string) => !hidden.has(n);
    if (event.key in directions) {
      event.preventDefault();
      const selection = this.store.get().selection;
      const from = this.cursorNode && this.model.hasNode(this.cursorNode) ? this.cursorNode : selection?.kind === 'node' && this.model.hasNode(selection.id) ? selection.id : null;
      let next: string | null = null;
      if (!from) {
        next = this.model.filterNodes(visible).sort((a, b) => (this.metrics.size.get(b) ?? 0) - (this.metrics.size.get(a) ?? 0))[0] ?? null;
      } else {
        const d = directions[event.key]!;
        const origin = this.renderer.framedGraphToViewport(this.renderer.getNodeDisplayData(from)!);
        let best = -Infinity;
        for (const neighbour of this.model.neighbors(from).filter(visible)) {
          const p = this.renderer.framedGraphToViewport(this.renderer.getNodeDisplayData(neighbour)!);
          const [dx, dy] = [p.x - origin.x, p.y - origin.y];
          const length = Math.hypot(dx, dy) || 1;
          const alignment = (dx * d.x + dy * d.y) / length;
          if (alignment > 0.3 && alignment - length / 5000 > best) {
            best = alignment - length / 5000;
            next = neighbour;
          }
        }
      }
      if (next) {
        this.cursorNode = next;
        this.updateContext();
        this.renderer.refresh({ skipIndexation: true });
        this.events.cursor(next);
      }
    } else if (event.key === 'Enter' && this.cursorNode && this.model.hasNode(this.cursorNode)) {
      event.preventDefault();
      this.events.select({ kind: 'node', id: this.cursorNode });
    } else if (event.key === '+' || event.key === '=') this.zoom('in');
    else if (event.key === '-') this.zoom('out');
    else if (event.key === '0') this.zoom('fit');
  }
}

/** The actors of a model without its relations. */
function actorsOf(model: Model): Model {
  const actors = new MultiDirectedGraph<ModelNode, ModelEdge>();
  model.forEachNode((node, attributes) => actors.addNode(node, attributes));
  return actors;
}

/** One actor of each shape, one relation of each line (straight, arrow, curved, curved arrow). */
function sampleGraph(): MultiDirectedGraph<ModelNode, ModelEdge> {
  const graph = new MultiDirectedGraph<ModelNode, ModelEdge>();
  const kinds = [...new Map(Object.entries(KIND_SHAPES).map(([kind, shape]) => [shape, kind as ActorKind])).values()];
  kinds.forEach((kind, i) => graph.addNode(`sample-${i}`, { name: '', kind, aliases: [], claims: 1, x: i, y: i % 2 }));
  graph.addNode('sample-end', { name: '', kind: kinds[0]!, aliases: [], claims: 1, x: 0, y: 1 });
  const relation = (symmetric: boolean, parallelIndex: number | null): ModelEdge => ({
    type: 'SUPPORTS',
    symmetric,
    claims: 1,
    documents: [],
    certainty: { asserted: 1, reported: 0, alleged: 0, speculative: 0, denied: 0 },
    supporting: 1,
    denying: 0,
    contested: false,
    parallelIndex,
    parallelMaxIndex: parallelIndex === null ? null : 1,
  });
  const [a, b] = ['sample-0', 'sample-end'];
  graph.addEdge(a, b, relation(true, null));
  graph.addEdge(b, a, relation(false, null));
  graph.addEdge(a, b, relation(true, 1));
  graph.addEdge(b, a, relation(false, 1));
  return graph;
}

/** Point in polygon (even-odd rule). */
function contains(polygon: Point[], p: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [a, b] = [polygon[i]!, polygon[j]!];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

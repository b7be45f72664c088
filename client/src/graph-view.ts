/**
 * The drawing: Sigma over the model. Nothing visual is stored in the model; node and edge
 * reducers derive colour, size, shape, curvature and highlight from the model, the view
 * state and the current metrics, as Sigma's and Gephi Lite's explorers do.
 */
import Sigma from 'sigma';
import { downloadAsPNG } from '@sigma/export-image';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram, { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { NodeSquareProgram } from '@sigma/node-square';
import { computeMetrics, MIN_NODE_SIZE, type Metrics } from './metrics.ts';
import type { Model, ModelEdge, ModelNode } from './model.ts';
import {
  BACKGROUND,
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
  withAlpha,
} from './palette.ts';
import type { Store } from './state.ts';

export interface GraphEvents {
  node(id: string): void;
  edge(id: string): void;
  expand(id: string): void;
  background(): void;
}

const LONG_LABEL = 24;
const MAX_NAMED_EDGES = 8;

/**
 * Long names are drawn by their first alias that fits (the gazetteer lists the usual short
 * name first: TTP, IS-K, Afghan Taliban), else cut short; the panels show the full name.
 */
export function shortLabel(node: Pick<ModelNode, 'name' | 'aliases'>): string {
  if (node.name.length <= LONG_LABEL) return node.name;
  const short = node.aliases.find((alias) => alias.length <= LONG_LABEL);
  return short ?? `${node.name.slice(0, LONG_LABEL - 1).trimEnd()}…`;
}

/** Curvature of the index-th of several parallel edges (after Sigma's parallel-edges example). */
function curvature(index: number, maxIndex: number): number {
  if (index < 0) return -curvature(-index, maxIndex);
  const amplitude = 3.5;
  const max = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (max * index) / maxIndex;
}

export class GraphView {
  readonly renderer: Sigma<ModelNode, ModelEdge>;
  private metrics: Metrics = { size: new Map(), community: new Map() };
  private hovered: string | null = null;
  private focusNodes: Set<string> | null = null;
  private focusEdges: Set<string> | null = null;

  constructor(
    container: HTMLElement,
    private readonly model: Model,
    private readonly store: Store,
    events: GraphEvents,
  ) {
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
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      zIndex: true,
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      labelWeight: '600',
      labelColor: { color: '#1d2330' },
      edgeLabelFont: 'system-ui, sans-serif',
      edgeLabelSize: 11,
      edgeLabelColor: { attribute: 'labelColor', color: '#455a64' },
      labelDensity: 0.5,
      labelGridCellSize: 110,
      labelRenderedSizeThreshold: 9,
      stagePadding: 40,
      minCameraRatio: 0.05,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => this.nodeDisplay(node, data),
      edgeReducer: (edge, data) => this.edgeDisplay(edge, data),
    });

    this.renderer.on('clickNode', ({ node }) => events.node(node));
    this.renderer.on('clickEdge', ({ edge }) => events.edge(edge));
    this.renderer.on('clickStage', () => events.background());
    this.renderer.on('doubleClickNode', (event) => {
      event.preventSigmaDefault();
      events.expand(event.node);
    });
    this.renderer.on('enterNode', ({ node }) => this.hover(node));
    this.renderer.on('leaveNode', () => this.hover(null));
    this.renderer.on('enterEdge', () => container.classList.add('pointer'));
    this.renderer.on('leaveEdge', () => container.classList.remove('pointer'));
  }

  /** Recompute metrics (after the model or the size metric changed) and redraw. */
  refresh(): void {
    // The hovered node may be gone, or elsewhere: hover starts over on the next mouse move.
    this.hovered = null;
    this.metrics = computeMetrics(this.model, this.store.get().size);
    this.restyle();
  }

  /** Redraw after a change of view state only (selection, colours, mode). */
  restyle(): void {
    this.computeFocus();
    this.renderer.refresh({ skipIndexation: false });
  }

  /** Pin the framing to the current extent, so dropping nodes never rescales the view. */
  pinFrame(pinned: boolean): void {
    if (pinned) {
      // Process the latest positions first: the extent is measured when Sigma processes the graph.
      this.renderer.setCustomBBox(null);
      this.renderer.refresh();
      this.renderer.setCustomBBox(this.renderer.getBBox());
    } else this.renderer.setCustomBBox(null);
  }

  focusNode(id: string): void {
    const data = this.renderer.getNodeDisplayData(id);
    if (!data) return;
    void this.renderer.getCamera().animate({ x: data.x, y: data.y, ratio: 0.6 }, { duration: 400 });
  }

  focusEdge(id: string): void {
    if (!this.model.hasEdge(id)) return;
    const [source, target] = this.model.extremities(id).map((n) => this.renderer.getNodeDisplayData(n));
    if (!source || !target) return;
    void this.renderer
      .getCamera()
      .animate({ x: (source.x + target.x) / 2, y: (source.y + target.y) / 2, ratio: 0.7 }, { duration: 400 });
  }

  savePNG(fileName: string): Promise<void> {
    // export-image is typed for the default attribute types; the renderer is the same object.
    return downloadAsPNG(this.renderer as unknown as Sigma, { fileName, backgroundColor: BACKGROUND });
  }

  fit(): void {
    void this.renderer.getCamera().animatedReset({ duration: 300 });
  }

  private hover(node: string | null): void {
    this.hovered = node;
    this.renderer.getContainer().classList.toggle('pointer', node !== null);
    this.computeFocus();
    this.renderer.refresh({ skipIndexation: true });
  }

  /** The nodes and edges to keep bright: the hovered or selected item and its neighbourhood. */
  private computeFocus(): void {
    const { selection } = this.store.get();
    const anchor = this.hovered ?? (selection?.kind === 'node' && this.model.hasNode(selection.id) ? selection.id : null);
    if (anchor) {
      this.focusNodes = new Set([anchor, ...this.model.neighbors(anchor)]);
      this.focusEdges = new Set(this.model.edges(anchor));
    } else if (selection?.kind === 'edge' && this.model.hasEdge(selection.id)) {
      this.focusNodes = new Set(this.model.extremities(selection.id));
      this.focusEdges = new Set([selection.id]);
    } else {
      this.focusNodes = null;
      this.focusEdges = null;
    }
  }

  private nodeDisplay(node: string, attrs: ModelNode): Partial<NodeDisplayData> {
    const { colour, selection, mode } = this.store.get();
    const base =
      colour === 'community'
        ? (COMMUNITY_COLOURS[(this.metrics.community.get(node) ?? 0) % COMMUNITY_COLOURS.length] ?? '#999999')
        : KIND_COLOURS[attrs.kind];
    const display: Partial<NodeDisplayData> & { type: string } = {
      x: attrs.x,
      y: attrs.y,
      label: shortLabel(attrs),
      size: this.metrics.size.get(node) ?? MIN_NODE_SIZE,
      color: base,
      type: KIND_SHAPES[attrs.kind],
      zIndex: 1,
      forceLabel: mode === 'paths',
    };
    if (this.focusNodes) {
      if (this.focusNodes.has(node)) {
        display.forceLabel = true;
        display.zIndex = 2;
      } else {
        display.color = fade(base, 0.82);
        display.label = '';
        display.zIndex = 0;
      }
    }
    if (selection?.kind === 'node' && selection.id === node) display.highlighted = true;
    return display;
  }

  private edgeDisplay(edge: string, attrs: ModelEdge): Partial<EdgeDisplayData> {
    const { mode, selection } = this.store.get();
    const strength = strengthOf(attrs);
    const compared = mode === 'compare' && attrs.side;
    const hue = compared ? SIDE_COLOURS[attrs.side!] : strength === 'denied' ? DENIED_COLOUR : TYPE_COLOURS[attrs.type];
    const alpha = compared ? (attrs.side === 'contradicted' ? 1 : 0.85) : STRENGTH_ALPHA[strength];
    const curved = typeof attrs.parallelIndex === 'number' && typeof attrs.parallelMaxIndex === 'number';
    const program = `${curved ? 'curved' : 'straight'}${attrs.symmetric ? '' : 'Arrow'}`;
    let size = 1 + Math.log2(attrs.claims) * 1.2;
    if (attrs.contested || attrs.side === 'contradicted') size *= 2;
    const display: Partial<EdgeDisplayData> & Record<string, unknown> = {
      type: program === 'straightArrow' ? 'arrow' : program,
      color: withAlpha(hue, alpha),
      size,
      zIndex: strength === 'firm' ? 1 : 0,
      curvature: curved ? curvature(attrs.parallelIndex!, attrs.parallelMaxIndex!) : 0,
      // Contested and denied-only relations say so in words, not only in colour.
      label: attrs.contested ? 'contested' : strength === 'denied' && !compared ? 'denied' : '',
      labelColor: attrs.contested ? CONTESTED_LABEL_COLOUR : '#616161',
      forceLabel: attrs.contested || (strength === 'denied' && !compared),
    };
    if (this.focusEdges) {
      if (this.focusEdges.has(edge)) {
        display.zIndex = 2;
        display.color = withAlpha(hue, Math.max(alpha, 0.6));
        // Name the relation types around a small neighbourhood; around a hub they would pile up.
        if (this.focusEdges.size <= MAX_NAMED_EDGES) {
          display.label = attrs.contested ? `${attrs.type} · contested` : attrs.type;
          display.labelColor = attrs.contested ? CONTESTED_LABEL_COLOUR : '#37474f';
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
}

/**
 * Where actors sit. Positions are a function of the view's scope (mode, ego actors, path
 * ends, compared sources), never of the filters: each scope's unfiltered graph is laid out
 * once from places seeded by actor id, so filtering only hides actors, and a link, a reload
 * and Back draw the same picture. An ego view grows step by step: each expansion lays out
 * only the newcomers, beside their parent, with everyone placed before held still.
 */
import type { SerializedGraph } from '../../server/domain/index.ts';
import { runLayout, type LayoutProgress, type LayoutRequest } from './fa2-run.ts';
import type { Point } from './state.ts';

export type Positions = Map<string, Point>;

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a). */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/** Big graphs get fewer, cheaper iterations: the first frame matters more than the last pixel. */
export const iterationsFor = (order: number): number => (order <= 300 ? 400 : order <= 2000 ? 150 : 60);
/**
 * How many iterations between two reported frames. Beyond a thousand actors none is reported:
 * on software WebGL each frame blocks the page for longer than the layout takes to finish, so
 * the first frame (seeded places) stays until the settled one replaces it.
 */
const chunkFor = (order: number, iterations: number): number => (order <= 300 ? 100 : order <= 1000 ? 10 : iterations);
/** Up to this size a layout takes milliseconds: it runs in place, sparing a worker's start-up. */
const IN_PLACE = 300;

/**
 * Seeded places for the nodes of `graph` that have none: beside their placed neighbours
 * (or `parent`), else on a disc whose size follows the graph's.
 */
export function seedPositions(positions: Positions, graph: Pick<SerializedGraph, 'nodes' | 'edges'>, parent?: string): string[] {
  const neighbours = new Map<string, string[]>();
  for (const { source, target } of graph.edges) {
    (neighbours.get(source) ?? neighbours.set(source, []).get(source)!).push(target);
    (neighbours.get(target) ?? neighbours.set(target, []).get(target)!).push(source);
  }
  const fresh = graph.nodes.map((n) => n.key).filter((key) => !positions.has(key)).sort();
  const spread = Math.max(1, Math.sqrt(positions.size + fresh.length)) * 10;
  for (const key of fresh) {
    const anchor = parent && positions.has(parent) && neighbours.get(key)?.includes(parent) ? [parent] : (neighbours.get(key) ?? []).filter((n) => positions.has(n));
    const angle = unitHash(key) * 2 * Math.PI;
    if (anchor.length > 0) {
      const x = anchor.reduce((sum, n) => sum + positions.get(n)!.x, 0) / anchor.length;
      const y = anchor.reduce((sum, n) => sum + positions.get(n)!.y, 0) / anchor.length;
      const radius = (spread / 6) * (0.5 + unitHash(`${key}#r`));
      positions.set(key, { x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
    } else {
      const radius = spread * Math.sqrt(unitHash(`${key}#r`));
      positions.set(key, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
  }
  return fresh;
}

/** Runs layouts (big ones in a worker), one at a time; a newer request cancels the older. */
export class Layout {
  private worker?: Worker;
  private current = 0;
  private cancel?: () => void;
  running = false;

  /**
   * Lay out `graph` with `positions` as the start and `moving` the only nodes allowed to move.
   * In a worker, `progress` sees the seeded positions, then those after every chunk but the
   * last; a small graph, laid out in place, is drawn once, settled. Resolves false when cancelled.
   */
  run(graph: Pick<SerializedGraph, 'nodes' | 'edges'>, positions: Positions, moving: Set<string>, progress: (p: Positions) => void): Promise<boolean> {
    this.stop();
    if (moving.size === 0 || graph.nodes.length < 2) return Promise.resolve(true);
    const keys = graph.nodes.map((n) => n.key).sort();
    const index = new Map(keys.map((k, i) => [k, i]));
    const xy = new Float64Array(keys.length * 2);
    const fixed = new Uint8Array(keys.length);
    keys.forEach((key, i) => {
      const p = positions.get(key)!;
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
      fixed[i] = moving.has(key) ? 0 : 1;
    });
    const pairs = graph.edges
      .filter((e) => e.source !== e.target)
      .map((e) => [index.get(e.source)!, index.get(e.target)!] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const edges = new Uint32Array(pairs.flat());
    const id = ++this.current;
    const request: LayoutRequest = { id, keys, xy, fixed, edges, iterations: iterationsFor(keys.length), chunk: chunkFor(keys.length, iterationsFor(keys.length)) };
    const apply = (xyNow: Float64Array) => keys.forEach((key, i) => positions.set(key, { x: xyNow[2 * i]!, y: xyNow[2 * i + 1]! }));
    if (keys.length <= IN_PLACE) {
      runLayout(request, (p) => p.done && apply(p.xy));
      return Promise.resolve(true);
    }
    progress(positions);
    this.worker ??= new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
    const worker = this.worker;
    this.running = true;
    return new Promise((resolve) => {
      this.cancel = () => {
        worker.removeEventListener('message', listen);
        resolve(false);
      };
      const listen = (event: MessageEvent<LayoutProgress>) => {
        if (event.data.id !== id) return;
        apply(event.data.xy);
        // The settled positions are the caller's to draw, once, with everything else that changes.
        if (!event.data.done) progress(positions);
        if (event.data.done) {
          worker.removeEventListener('message', listen);
          this.cancel = undefined;
          this.running = false;
          resolve(true);
        }
      };
      worker.addEventListener('message', listen);
      // Start once the frame drawn so far is on screen, so its drawing never competes with the layout.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (this.current !== id || !this.running) return;
          performance.mark('dyad:layout-start');
          worker.postMessage(request, [xy.buffer, fixed.buffer, edges.buffer]);
        }),
      );
    });
  }

  /** Abandon the running layout (its worker is restarted so it stops computing). */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.worker?.terminate();
    this.worker = undefined;
    const cancel = this.cancel;
    this.cancel = undefined;
    cancel?.();
  }
}

/** A scope's graph as the layout sees it: the union of its steps so far. */
type Skeleton = Pick<SerializedGraph, 'nodes' | 'edges'>;

/**
 * Positions per scope, step by step (see the top of this file), remembered for the session so
 * going Back to a scope draws it at once.
 */
export class ScopeLayouts {
  private readonly done = new Map<string, Positions>();
  constructor(private readonly layout: Layout) {}

  /** Positions for the steps, or null when a newer request cancelled this one. */
  async positionsFor(
    steps: { key: string; parent?: string; graph(): Promise<Skeleton> }[],
    progress: (positions: Positions) => void,
  ): Promise<Positions | null> {
    const graphs = await Promise.all(steps.map((s) => s.graph()));
    let positions: Positions = new Map();
    const nodes = new Map<string, Skeleton['nodes'][number]>();
    const edges = new Map<string, Skeleton['edges'][number]>();
    for (const [i, step] of steps.entries()) {
      for (const n of graphs[i]!.nodes) nodes.set(n.key, n);
      for (const e of graphs[i]!.edges) edges.set(e.key, e);
      const known = this.done.get(step.key);
      if (known) {
        positions = new Map(known);
        continue;
      }
      const union = { nodes: [...nodes.values()], edges: [...edges.values()] };
      const moving = new Set(seedPositions(positions, union, step.parent));
      if (!(await this.layout.run(union, positions, moving, progress))) return null;
      this.done.set(step.key, new Map(positions));
    }
    return positions;
  }
}

/** The extent of a set of positions, as Sigma's custom bounding box takes it. */
export function extentOf(positions: Iterable<Point>): { x: [number, number]; y: [number, number] } | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of positions) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return null;
  // A single actor (or a line of them) still needs an extent to frame.
  const pad = (a: number, b: number): [number, number] => (b - a < 1e-6 ? [a - 1, b + 1] : [a, b]);
  return { x: pad(minX, maxX), y: pad(minY, maxY) };
}

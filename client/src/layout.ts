/**
 * ForceAtlas2 in a web worker. It runs until the nodes stop moving (mean step below a
 * fraction of the graph's extent) or a time budget is spent, then stops for good, so the
 * drawing holds still while the analyst reads it.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { Model } from './model.ts';

const CHECK_EVERY_MS = 400;
/** The worker needs a moment before positions move at all: never judge convergence earlier. */
const MIN_RUN_MS = 1500;
const MAX_RUN_MS = 8000;
/** Converged when nodes move less than this share of the graph's extent per check. */
const CONVERGED = 0.002;

export class Layout {
  private supervisor?: FA2Layout;
  private timer?: ReturnType<typeof setInterval>;
  private onStop: (() => void)[] = [];

  constructor(private readonly model: Model) {}

  get running(): boolean {
    return this.supervisor?.isRunning() ?? false;
  }

  /** Resolves when the layout has settled. */
  run(): Promise<void> {
    this.stop();
    if (this.model.order < 2) return Promise.resolve();
    const settings = {
      ...forceAtlas2.inferSettings(this.model),
      barnesHutOptimize: this.model.order > 300,
    };
    const supervisor = new FA2Layout(this.model, { settings });
    this.supervisor = supervisor;
    supervisor.start();
    const started = Date.now();
    let previous = this.positions();
    this.timer = setInterval(() => {
      const current = this.positions();
      const elapsed = Date.now() - started;
      if (elapsed > MAX_RUN_MS || (elapsed > MIN_RUN_MS && movement(previous, current) < CONVERGED)) this.stop();
      previous = current;
    }, CHECK_EVERY_MS);
    return new Promise((resolve) => this.onStop.push(resolve));
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.supervisor?.kill();
    this.supervisor = undefined;
    const waiting = this.onStop;
    this.onStop = [];
    for (const resolve of waiting) resolve();
  }

  private positions(): Map<string, [number, number]> {
    return new Map(this.model.mapNodes((node, a) => [node, [a.x, a.y]]));
  }
}

/** Mean displacement relative to the bounding box diagonal. */
function movement(before: Map<string, [number, number]>, after: Map<string, [number, number]>): number {
  let total = 0;
  let count = 0;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [node, [x, y]] of after) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    const old = before.get(node);
    if (!old) continue;
    total += Math.hypot(x - old[0], y - old[1]);
    count += 1;
  }
  const extent = Math.hypot(maxX - minX, maxY - minY) || 1;
  return count === 0 ? Infinity : total / count / extent;
}

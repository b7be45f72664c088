/**
 * Which drawn relation is under the pointer, found in script from the geometry Sigma draws
 * (a segment, or @sigma/edge-curve's quadratic curve) instead of Sigma's edge picking layer:
 * without it Sigma compiles and draws half the edge programs. Pure, in viewport pixels.
 */
import type { Point } from './state.ts';

export interface DrawnEdge {
  key: string;
  source: Point;
  target: Point;
  /** @sigma/edge-curve's curvature; 0 for a straight line. */
  curvature: number;
  /** Drawn thickness in pixels. */
  thickness: number;
  zIndex: number;
}

/** Segments a curve is measured by: finer than the pointer can tell apart on any drawn curve. */
const CURVE_STEPS = 24;
/** Pixels around a thin line that still count as on it. */
export const PICK_SLACK = 4;

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The control point of a curved relation as @sigma/edge-curve draws it: the middle of the
 * chord moved along its normal by curvature × its length (viewport y grows downwards).
 */
export function controlPoint(source: Point, target: Point, curvature: number): Point {
  const [dx, dy] = [target.x - source.x, target.y - source.y];
  return { x: (source.x + target.x) / 2 + dy * curvature, y: (source.y + target.y) / 2 - dx * curvature };
}

/** A point of the quadratic curve source → control → target at t in [0, 1]. */
export function curvePoint(source: Point, control: Point, target: Point, t: number): Point {
  const u = 1 - t;
  return {
    x: u * u * source.x + 2 * u * t * control.x + t * t * target.x,
    y: u * u * source.y + 2 * u * t * control.y + t * t * target.y,
  };
}

/** Distance in pixels from `p` to the drawn line of a relation. */
export function edgeDistance(p: Point, edge: Pick<DrawnEdge, 'source' | 'target' | 'curvature'>): number {
  const { source, target, curvature } = edge;
  if (curvature === 0) return segmentDistance(p, source, target);
  const control = controlPoint(source, target, curvature);
  let best = Infinity;
  let previous = source;
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const next = curvePoint(source, control, target, i / CURVE_STEPS);
    best = Math.min(best, segmentDistance(p, previous, next));
    previous = next;
  }
  return best;
}

/**
 * The relation under `p`: within half its thickness plus PICK_SLACK of its line; of several,
 * the one drawn on top (highest zIndex), then the nearest.
 */
export function edgeAt(p: Point, edges: Iterable<DrawnEdge>): string | null {
  let best: DrawnEdge | null = null;
  let bestDistance = Infinity;
  for (const edge of edges) {
    const reach = edge.thickness / 2 + PICK_SLACK;
    // Cheap rejection: outside the box around the line's ends and control point.
    const control = edge.curvature === 0 ? edge.source : controlPoint(edge.source, edge.target, edge.curvature);
    if (
      p.x < Math.min(edge.source.x, edge.target.x, control.x) - reach ||
      p.x > Math.max(edge.source.x, edge.target.x, control.x) + reach ||
      p.y < Math.min(edge.source.y, edge.target.y, control.y) - reach ||
      p.y > Math.max(edge.source.y, edge.target.y, control.y) + reach
    ) {
      continue;
    }
    const distance = edgeDistance(p, edge);
    if (distance > reach) continue;
    if (!best || edge.zIndex > best.zIndex || (edge.zIndex === best.zIndex && distance < bestDistance)) {
      best = edge;
      bestDistance = distance;
    }
  }
  return best?.key ?? null;
}

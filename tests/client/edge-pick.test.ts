/** Picking relations in script: the pointer finds the line Sigma draws, straight or curved. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlPoint, curvePoint, edgeAt, edgeDistance, PICK_SLACK, type DrawnEdge } from '../../client/src/edge-pick.ts';

const coordinate = fc.integer({ min: -2000, max: 2000 });
const point = fc.record({ x: coordinate, y: coordinate });
/** Ends far enough apart to be a drawn line. */
const ends = fc.tuple(point, point).filter(([a, b]) => Math.hypot(a.x - b.x, a.y - b.y) > 20);
const curvature = fc.constantFrom(0, 0.1, 0.25, -0.25, 0.6);
const edge = (patch: Partial<DrawnEdge>): DrawnEdge => ({
  key: 'e',
  source: { x: 0, y: 0 },
  target: { x: 100, y: 0 },
  curvature: 0,
  thickness: 2,
  zIndex: 0,
  ...patch,
});

describe('edgeDistance', () => {
  it('is the distance to the segment for a straight relation', () => {
    expect(edgeDistance({ x: 50, y: 30 }, edge({}))).toBeCloseTo(30);
    expect(edgeDistance({ x: -30, y: 40 }, edge({}))).toBeCloseTo(50);
    expect(edgeDistance({ x: 140, y: 0 }, edge({}))).toBeCloseTo(40);
  });

  it('is (nearly) zero on every point of the drawn line, straight or curved', () => {
    fc.assert(
      fc.property(ends, curvature, fc.double({ min: 0, max: 1, noNaN: true }), ([source, target], c, t) => {
        const on = curvePoint(source, controlPoint(source, target, c), target, t);
        expect(edgeDistance(on, { source, target, curvature: c })).toBeLessThan(1);
      }),
    );
  });

  it('bends a curve to the side @sigma/edge-curve draws it: left of the way for a positive curvature (y down)', () => {
    // From (0,0) to (100,0), the normal (dy, -dx) points up the screen: the curve passes above.
    const control = controlPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.25);
    expect(control).toEqual({ x: 50, y: -25 });
    const top = curvePoint({ x: 0, y: 0 }, control, { x: 100, y: 0 }, 0.5);
    expect(edgeDistance(top, edge({ curvature: 0.25 }))).toBeLessThan(0.5);
    expect(edgeDistance({ x: 50, y: 0 }, edge({ curvature: 0.25 }))).toBeGreaterThan(10);
  });
});

describe('edgeAt', () => {
  it('finds a relation within half its thickness and the slack, and nothing beyond', () => {
    fc.assert(
      fc.property(ends, curvature, fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 1, max: 12 }), ([source, target], c, t, thickness) => {
        const drawn = edge({ source, target, curvature: c, thickness });
        const on = curvePoint(source, controlPoint(source, target, c), target, t);
        expect(edgeAt(on, [drawn])).toBe('e');
        const far = { x: on.x + 10_000, y: on.y + 10_000 };
        expect(edgeAt(far, [drawn])).toBeNull();
      }),
    );
    expect(edgeAt({ x: 50, y: 1 + PICK_SLACK - 0.1 }, [edge({ thickness: 2 })])).toBe('e');
    expect(edgeAt({ x: 50, y: 1 + PICK_SLACK + 0.1 }, [edge({ thickness: 2 })])).toBeNull();
  });

  it('prefers the relation drawn on top, then the nearest', () => {
    const low = edge({ key: 'low', source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, zIndex: 0 });
    const near = edge({ key: 'near', source: { x: 0, y: 2 }, target: { x: 100, y: 2 }, zIndex: 0 });
    const top = edge({ key: 'top', source: { x: 0, y: 4 }, target: { x: 100, y: 4 }, zIndex: 2 });
    expect(edgeAt({ x: 50, y: 1.5 }, [low, near])).toBe('near');
    expect(edgeAt({ x: 50, y: 1.5 }, [low, near, top])).toBe('top');
  });

  it('tells apart parallel relations curved to either side', () => {
    const left = edge({ key: 'left', curvature: 0.25 });
    const right = edge({ key: 'right', curvature: -0.25 });
    const straight = edge({ key: 'straight' });
    expect(edgeAt({ x: 50, y: -12.5 }, [left, right, straight])).toBe('left');
    expect(edgeAt({ x: 50, y: 12.5 }, [left, right, straight])).toBe('right');
    expect(edgeAt({ x: 50, y: 0 }, [left, right, straight])).toBe('straight');
  });
});

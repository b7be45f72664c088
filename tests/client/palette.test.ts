/**
 * The palette under colour-vision deficiency: Machado, Oliveira & Fernandes (2009) full-severity
 * deuteranopia and protanopia applied in linear RGB, distances as CIE76 ΔE in CIELAB (D65).
 */
import { describe, expect, it } from 'vitest';
import { ActorKind, RelationType } from '../../server/domain/index.ts';
import { KIND_COLOURS, KIND_SHAPES, TYPE_COLOURS, TYPE_GLYPHS } from '../../client/src/palette.ts';

type Vec = [number, number, number];
type Matrix = [Vec, Vec, Vec];
const IDENTITY: Matrix = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
const DEUTERANOPIA: Matrix = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]];
const PROTANOPIA: Matrix = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const VISIONS = { normal: IDENTITY, deuteranopia: DEUTERANOPIA, protanopia: PROTANOPIA };

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const multiply = (m: Matrix, v: Vec): Vec => m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]) as Vec;

function lab(hex: string, vision: Matrix): Vec {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255)) as Vec;
  const seen = multiply(vision, rgb).map((c) => Math.min(1, Math.max(0, c))) as Vec;
  const [x, y, z] = multiply([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]], seen);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x / 0.95047), f(y), f(z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deltaE = (a: string, b: string, vision: Matrix) => {
  const [p, q] = [lab(a, vision), lab(b, vision)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

/** Below this the two are hard to tell apart on a thin line. */
const DISTINCT = 10;

const pairs = <T>(items: readonly T[]) => items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as const));

describe('the palette under colour-vision deficiency', () => {
  it('keeps the pairs the audit found indistinguishable apart', () => {
    expect(deltaE(TYPE_COLOURS.MEMBER_OF, TYPE_COLOURS.OPERATES_IN, DEUTERANOPIA)).toBeGreaterThan(DISTINCT);
    expect(deltaE(TYPE_COLOURS.PRESSURES, TYPE_COLOURS.RECRUITS_FROM, PROTANOPIA)).toBeGreaterThan(DISTINCT);
    expect(deltaE(KIND_COLOURS.group, KIND_COLOURS.place, DEUTERANOPIA)).toBeGreaterThan(DISTINCT);
  });

  it('tells every two actor kinds apart by colour or by shape', () => {
    for (const [vision, matrix] of Object.entries(VISIONS)) {
      for (const [a, b] of pairs(ActorKind.options)) {
        const apart = deltaE(KIND_COLOURS[a], KIND_COLOURS[b], matrix) >= DISTINCT || KIND_SHAPES[a] !== KIND_SHAPES[b];
        expect(apart, `${a} vs ${b} under ${vision}`).toBe(true);
      }
    }
  });

  it('tells every two relation types apart by colour, and by glyph where colours come close', () => {
    const glyphs = new Set(Object.values(TYPE_GLYPHS));
    expect(glyphs.size).toBe(RelationType.options.length);
    const close: string[] = [];
    for (const [vision, matrix] of Object.entries(VISIONS)) {
      for (const [a, b] of pairs(RelationType.options)) {
        const distance = deltaE(TYPE_COLOURS[a], TYPE_COLOURS[b], matrix);
        if (vision === 'normal') expect(distance, `${a} vs ${b}`).toBeGreaterThanOrEqual(DISTINCT);
        if (distance < DISTINCT) {
          close.push(`${a}/${b} (${vision})`);
          expect(TYPE_GLYPHS[a]).not.toBe(TYPE_GLYPHS[b]);
        }
      }
    }
    // The glyph is a second channel, not the only one: few pairs rely on it.
    expect(close.length, close.join(', ')).toBeLessThanOrEqual(8);
  });
});

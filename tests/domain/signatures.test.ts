import { describe, expect, it } from 'vitest';
import { ActorKind, fitsSignature, isSymmetric, RelationType, SIGNATURES, signatureProblem } from '../../server/domain/index.ts';
import { defaultLexicon } from '../../server/ingest/extract/lexicon.ts';

describe('relation signatures', () => {
  it('give every relation type its kinds; only ALLIED_WITH and RIVAL_OF are symmetric', () => {
    for (const type of RelationType.options) {
      expect(SIGNATURES[type].subject.length, type).toBeGreaterThan(0);
      expect(SIGNATURES[type].object.length, type).toBeGreaterThan(0);
    }
    expect(RelationType.options.filter(isSymmetric)).toEqual(['ALLIED_WITH', 'RIVAL_OF']);
  });

  it('keep the ontology’s sense: places are where, events are done, people belong', () => {
    expect(fitsSignature('OPERATES_IN', 'group', 'place')).toBe(true);
    expect(fitsSignature('OPERATES_IN', 'group', 'group')).toBe(false);
    expect(fitsSignature('LOCATED_IN', 'event', 'place')).toBe(true);
    expect(fitsSignature('LOCATED_IN', 'person', 'place')).toBe(false);
    expect(fitsSignature('PERPETRATED', 'group', 'event')).toBe(true);
    expect(fitsSignature('PERPETRATED', 'group', 'state')).toBe(false);
    expect(fitsSignature('MEMBER_OF', 'person', 'group')).toBe(true);
    expect(fitsSignature('MEMBER_OF', 'place', 'group')).toBe(false);
  });

  it('explain every misfit, and only misfits (every type and pair of kinds)', () => {
    for (const type of RelationType.options)
      for (const s of ActorKind.options)
        for (const o of ActorKind.options) {
          const problem = signatureProblem(type, s, o);
          expect(problem === undefined, `${s} ${type} ${o}`).toBe(fitsSignature(type, s, o));
          if (problem) expect(problem).toContain(type);
        }
  });

  it('bound every extraction pattern of the lexicon', () => {
    for (const p of defaultLexicon().patterns) {
      for (const k of p.subject) expect(SIGNATURES[p.type].subject, `${p.type} ${p.cue.join(' ')}`).toContain(k);
      for (const k of p.object) expect(SIGNATURES[p.type].object, `${p.type} ${p.cue.join(' ')}`).toContain(k);
    }
  });
});

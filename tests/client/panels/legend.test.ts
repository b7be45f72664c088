/** The legend reads the relation signatures: which kinds each type links, and whether both ways. */
import { describe, expect, it } from 'vitest';
import { signatureText } from '../../../client/src/panels/legend.ts';

describe('signatureText', () => {
  it('names the subject and object kinds of a type, with ↔ for a mutual one', () => {
    expect(signatureText('LOCATED_IN')).toBe('event, place → place, state');
    expect(signatureText('ALLIED_WITH')).toBe('state, group, organization ↔ state, group, organization');
    expect(signatureText('PERPETRATED')).toBe('state, group, organization, person → event');
  });
});

import { describe, expect, it } from 'vitest';
import { ActorKind, fitsSignature, RelationType } from '../../server/domain/index.ts';
import { noTypeReason, typesFor } from '../../client/src/relation-choices.ts';

describe('typesFor', () => {
  it('offers exactly the types whose signature admits both kinds', () => {
    for (const subject of ActorKind.options) {
      for (const object of ActorKind.options) {
        expect(typesFor(subject, object)).toEqual(RelationType.options.filter((t) => fitsSignature(t, subject, object)));
      }
    }
  });

  it('offers a group and a state what the seeds use, and an event and a place only LOCATED_IN', () => {
    expect(typesFor('group', 'state')).toEqual(expect.arrayContaining(['SUPPORTS', 'ALLIED_WITH', 'OPERATES_IN', 'AFFILIATE_OF']));
    expect(typesFor('group', 'state')).not.toContain('LOCATED_IN');
    expect(typesFor('event', 'place')).toEqual(['LOCATED_IN']);
  });

  it('lets an end not chosen yet be any kind', () => {
    expect(typesFor()).toEqual(RelationType.options);
    expect(typesFor('person')).toContain('MEMBER_OF');
    expect(typesFor('person')).not.toContain('ALLIED_WITH');
    expect(typesFor(undefined, 'event')).toEqual(['PERPETRATED']);
  });

  it('says why when no type fits', () => {
    expect(typesFor('place', 'person')).toEqual([]);
    expect(noTypeReason('place', 'person')).toMatch(/place.*person/);
    expect(noTypeReason('group', 'state')).toBeUndefined();
  });
});

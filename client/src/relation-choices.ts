/**
 * Which relation types a claim between two actors may take: the signatures of
 * server/domain/signatures.ts read for the actors' kinds, so the claim form never offers a
 * type the server would refuse.
 */
import { RelationType, SIGNATURES, type ActorKind } from '../../server/domain/index.ts';

/** The types whose signature admits these kinds; an end not chosen yet admits any kind. */
export function typesFor(subject?: ActorKind, object?: ActorKind): RelationType[] {
  return RelationType.options.filter((type) => {
    const s = SIGNATURES[type];
    return (!subject || s.subject.includes(subject)) && (!object || s.object.includes(object));
  });
}

/** Why no type fits, in words, for the form to say; undefined when some type fits. */
export function noTypeReason(subject?: ActorKind, object?: ActorKind): string | undefined {
  if (typesFor(subject, object).length > 0) return undefined;
  return `No relation type takes a ${subject} as subject and a ${object} as object: swap them or choose other actors.`;
}

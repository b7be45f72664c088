/**
 * Relation signatures: per relation type, whether it holds both ways and which actor kinds
 * may stand as its subject and object. The one table the extractor, `dyad check` (curated
 * claims), the legend and the tests read; a claim outside it makes no sense ("a group
 * OPERATES_IN a group", "a person LOCATED_IN a place").
 */
import type { ActorKind, RelationType } from './ontology.ts';

export interface Signature {
  symmetric: boolean;
  subject: readonly ActorKind[];
  object: readonly ActorKind[];
}

const AGENTS = ['state', 'group', 'organization'] as const;

export const SIGNATURES: Readonly<Record<RelationType, Signature>> = {
  SUPPORTS: { symmetric: false, subject: [...AGENTS, 'person'], object: [...AGENTS, 'person'] },
  ALLIED_WITH: { symmetric: true, subject: AGENTS, object: AGENTS },
  AFFILIATE_OF: { symmetric: false, subject: ['group', 'organization'], object: AGENTS },
  RIVAL_OF: { symmetric: true, subject: AGENTS, object: AGENTS },
  CLASHES_WITH: { symmetric: false, subject: AGENTS, object: AGENTS },
  COUNTERS: { symmetric: false, subject: AGENTS, object: ['group', 'organization', 'person'] },
  PERPETRATED: { symmetric: false, subject: [...AGENTS, 'person'], object: ['event'] },
  MEMBER_OF: { symmetric: false, subject: ['person', 'group'], object: AGENTS },
  OPERATES_IN: { symmetric: false, subject: [...AGENTS, 'person'], object: ['place', 'state'] },
  RECRUITS_FROM: { symmetric: false, subject: ['group', 'organization'], object: ['place', 'state', 'group'] },
  ACCUSES: { symmetric: false, subject: [...AGENTS, 'person'], object: [...AGENTS, 'person'] },
  PRESSURES: { symmetric: false, subject: AGENTS, object: [...AGENTS, 'person'] },
  LOCATED_IN: { symmetric: false, subject: ['event', 'place'], object: ['place', 'state'] },
};

/** Relations that hold both ways: compared and aggregated regardless of direction. */
export const SYMMETRIC_TYPES: ReadonlySet<RelationType> = new Set(
  (Object.keys(SIGNATURES) as RelationType[]).filter((t) => SIGNATURES[t].symmetric),
);
export const isSymmetric = (type: RelationType): boolean => SYMMETRIC_TYPES.has(type);

/** Does a relation of this type fit between actors of these kinds? */
export const fitsSignature = (type: RelationType, subject: ActorKind, object: ActorKind): boolean =>
  SIGNATURES[type].subject.includes(subject) && SIGNATURES[type].object.includes(object);

/** Why a relation does not fit its signature, in words, or undefined when it does. */
export function signatureProblem(type: RelationType, subject: ActorKind, object: ActorKind): string | undefined {
  const s = SIGNATURES[type];
  if (!s.subject.includes(subject)) return `${type} takes a ${s.subject.join(', ')} as subject, not a ${subject}`;
  if (!s.object.includes(object)) return `${type} takes a ${s.object.join(', ')} as object, not a ${object}`;
  return undefined;
}

/**
 * The properties dyad's nodes and relationships hold in Neo4j, built from the domain records:
 * the one definition the store's writes (index.ts, annotations.ts) and the bulk import's CSV
 * files (bulk-graph.ts) both use, so the two paths cannot write different graphs.
 */
import { type Actor, type ClaimRecord, type DocumentRecord, whenBounds } from '../../domain/index.ts';
import { relationBetween } from '../../graph/aggregate.ts';
import type { RelationRow } from '../../graph/relations.ts';
import { compactName, normalizeName } from '../../ingest/alias-index.ts';

/**
 * Actors with fewer relations than this keep no ranking (`Actor.top`): a neighbourhood ranks
 * their relations in the query, which reads as few relationships as a list would hold keys,
 * and a write does not rewrite the lists of the many small actors it touches.
 */
export const RANKED_FROM = 64;

/** The properties an actor node holds (the actor and its names folded for search) and its kind's label. */
export function actorNode(actor: Actor) {
  const names = [actor.name, ...actor.aliases];
  return {
    props: {
      ...actor,
      searchText: names.map(normalizeName).join('\n'),
      // A separator no compacted query contains, so a substring never spans two names.
      searchCompact: names.map(compactName).join('|'),
    },
    label: actor.kind.charAt(0).toUpperCase() + actor.kind.slice(1),
  };
}

/** A document node's properties: its body spans as two parallel lists (properties hold no lists of lists). */
export function documentNode({ body, ...document }: DocumentRecord) {
  return {
    ...document,
    length: document.text.length,
    bodyStarts: body.map(([start]) => start),
    bodyEnds: body.map(([, end]) => end),
  };
}

/** A claim node's properties: its ends' and document's ids, its day bounds and relation key copied on for the indexes. */
export function claimNode({ document, subject, object, ...claim }: ClaimRecord) {
  const [whenLo, whenHi] = claim.when ? whenBounds(claim.when) : [undefined, undefined];
  const relation = relationBetween(subject, claim.type, object).key;
  return { ...claim, documentId: document, subjectId: subject, objectId: object, whenLo, whenHi, relation };
}

/** The relationship properties of an aggregate: certainty counts flattened beside the rest. */
export function relationProps({ key, attributes: { certainty, ...rest } }: RelationRow) {
  return { key, ...rest, ...certainty };
}

/**
 * Which claims a filter set admits. The embedded store applies this predicate; the Neo4j
 * store states the same rules in Cypher. An absent filter admits every claim; a present
 * one is a membership test, so an empty list admits none. All filters must hold (AND):
 *
 * - documents:   claim.document ∈ documents
 * - types:       claim.type ∈ types
 * - certainty:   claim.certainty ∈ certainty
 * - kinds:       subject.kind ∈ kinds AND object.kind ∈ kinds (both ends)
 * - origin:      claim.origin ∈ origin
 * - from / to:   once either is set, the claim must have a `when`, and its day interval
 *                whenBounds(when) = [lo, hi] must overlap [lowerBound(from), upperBound(to)]
 *                (an absent end is open), i.e. lo ≤ upperBound(to) AND hi ≥ lowerBound(from),
 *                comparing ISO day strings; undated claims drop out.
 * - reliability: admitsReliability(reliability, grade of the claim's document), i.e. the
 *                document's grade is at least as good as the threshold (F admits all).
 */
import {
  admitsReliability,
  type ClaimFilters,
  type ClaimView,
  lowerBound,
  upperBound,
  whenBounds,
} from '../domain/index.ts';

const admits = <T>(list: readonly T[] | undefined, value: T): boolean => list === undefined || list.includes(value);

export function claimMatches(view: ClaimView, filters: ClaimFilters): boolean {
  if (!admits(filters.documents, view.document)) return false;
  if (!admits(filters.types, view.type)) return false;
  if (!admits(filters.certainty, view.certainty)) return false;
  if (!admits(filters.kinds, view.subject.kind) || !admits(filters.kinds, view.object.kind)) return false;
  if (!admits(filters.origin, view.origin)) return false;
  if (filters.from !== undefined || filters.to !== undefined) {
    if (view.when === undefined) return false;
    const [lo, hi] = whenBounds(view.when);
    if (lo > upperBound(filters.to ?? '..') || hi < lowerBound(filters.from ?? '..')) return false;
  }
  if (filters.reliability !== undefined && !admitsReliability(filters.reliability, view.reliability)) return false;
  return true;
}

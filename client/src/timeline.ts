/**
 * The timeline under the time window: dated claims per year, under every filter but the
 * window itself (so the analyst sees where the evidence lies before choosing years). A claim
 * counts in each year its `when` overlaps, as the time filter admits it: the bar of a year is
 * the number of claims that "only this year" keeps.
 */
import { whenBounds, type ClaimQuery, type GraphFilters } from '../../server/domain/index.ts';
import { api } from './api.ts';

/** Claims read per request, and at most this many requests: a big corpus is sampled, and says so. */
const PAGE = 1000;
const PAGES = 5;

export interface DatedClaims {
  /** The `when` of every claim read (undefined: undated). */
  whens: (string | undefined)[];
  /** Claims under the filters in all; more than whens.length when only the first pages were read. */
  total: number;
}

/** The claim query of the timeline: the filters without the window and the relation-level thresholds. */
export function timelineQuery(filters: GraphFilters): Partial<ClaimQuery> {
  const { from: _from, to: _to, minClaims: _minClaims, minDocuments: _minDocuments, ...claimFilters } = filters;
  return claimFilters;
}

/** The claims of the timeline (a filter selecting nothing is the caller's to catch: the API reads it as none). */
export async function datedClaims(filters: GraphFilters): Promise<DatedClaims> {
  const query = timelineQuery(filters);
  const whens: (string | undefined)[] = [];
  let total = 0;
  for (let page = 0; page < PAGES; page++) {
    const answer = await api.claims({ ...query, limit: PAGE, offset: page * PAGE });
    total = answer.total;
    whens.push(...answer.items.map((claim) => claim.when));
    if (whens.length >= total || answer.items.length === 0) break;
  }
  return { whens, total };
}

/** Claims per year of [minYear, maxYear], each counted in every year its `when` overlaps. */
export function claimsByYear(whens: readonly (string | undefined)[], [minYear, maxYear]: [number, number]): Map<number, number> {
  const counts = new Map<number, number>();
  for (let y = minYear; y <= maxYear; y++) counts.set(y, 0);
  for (const when of whens) {
    if (!when) continue;
    const [start, end] = whenBounds(when).map((bound) => Number(bound.slice(0, 4)));
    for (let y = Math.max(start!, minYear); y <= Math.min(end!, maxYear); y++) counts.set(y, counts.get(y)! + 1);
  }
  return counts;
}

import type { When } from './ontology.ts';

/**
 * The day range a `when` covers, as ISO strings that compare lexicographically:
 * 2023-07 → [2023-07-01, 2023-07-31], 2021/.. → [2021-01-01, 9999-12-31].
 * Day 31 closes every month: only order matters, not calendar truth.
 */
export function whenBounds(when: When | string): [string, string] {
  const [a, b = a] = when.split('/') as [string, string?];
  return [lowerBound(a), upperBound(b ?? a)];
}

export function lowerBound(date: string): string {
  if (date === '..') return '0000-01-01';
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

export function upperBound(date: string): string {
  if (date === '..') return '9999-12-31';
  const [y, m = '12', d = '31'] = date.split('-');
  return `${y}-${m}-${d}`;
}

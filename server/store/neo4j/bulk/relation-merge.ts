/**
 * Relation aggregates of many documents without holding one per relation: each document's
 * aggregates (rowsFromClaims) go to an external sort keyed by relation key, and at the end each
 * relation's parts come back together, in the order their documents were given, and are merged
 * with mergeAttributes as the store merges a new document's evidence into a stored relation.
 */
import { mergeAttributes, relationEnds } from '../../../graph/aggregate.ts';
import type { RelationRow } from '../../../graph/relations.ts';
import { ExternalSort } from './external-sort.ts';

export class RelationMerge {
  private readonly sort: ExternalSort;

  /** Run files go to `dir` (the caller removes it); `runChars` bounds what is held. */
  constructor(dir: string, runChars?: number) {
    this.sort = new ExternalSort(dir, runChars);
  }

  /** One document's aggregates, at most one per relation. */
  async add(rows: Iterable<RelationRow>): Promise<void> {
    for (const row of rows) await this.sort.add(row.key, JSON.stringify(row.attributes));
  }

  /** Every relation once, its aggregate over every document, in key order. Read once, after the last add. */
  async *merged(): AsyncGenerator<RelationRow> {
    let current: RelationRow | undefined;
    for await (const [key, value] of this.sort.entries()) {
      const attributes = JSON.parse(value) as RelationRow['attributes'];
      if (current?.key === key) current.attributes = mergeAttributes(current.attributes, attributes);
      else {
        if (current) yield current;
        const [source, target] = relationEnds(key);
        current = { key, source, target, attributes };
      }
    }
    if (current) yield current;
  }
}

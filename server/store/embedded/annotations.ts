/**
 * What the embedded store keeps of the analyst's work beside the graph: every claim change
 * (history, by lineage), each document's rejections, and the actors analysts added. Replayed
 * from the journal with the graph; mutations are synchronous, as GraphState's.
 */
import type { Actor, ClaimChange, HistoryEntry, Rejection } from '../../domain/index.ts';
import { lineageOf, type StoredHistoryEntry } from '../claim-changes.ts';

/** The whole of an Annotations as one snapshot record (snapshot.ts). */
export interface AnnotationsRecord {
  annotations: { history: StoredHistoryEntry[][]; lineages: [string, string][]; rejected: Rejection[]; added: Actor[] };
}

export class Annotations {
  private readonly byLineage = new Map<string, StoredHistoryEntry[]>();
  /** Each id a change named (as its claim or previous id), to its lineage. */
  private readonly lineages = new Map<string, string>();
  private readonly rejected = new Map<string, Map<string, Rejection>>();
  private readonly added = new Map<string, Actor>();

  /** Records a change that was applied to the graph. */
  record(change: ClaimChange): void {
    const { history } = change;
    const previous = change.expected?.id ?? history.claim;
    const lineage = lineageOf(this.lineageEntries(previous), previous);
    const entries = this.byLineage.get(lineage) ?? [];
    entries.push({ ...history, lineage });
    this.byLineage.set(lineage, entries);
    for (const id of [previous, history.claim]) this.lineages.set(id, lineage);
    if (change.rejection) this.reject([change.rejection]);
  }

  reject(rejections: Rejection[]): void {
    for (const r of rejections) {
      const ofDocument = this.rejected.get(r.document) ?? new Map<string, Rejection>();
      ofDocument.set(r.id, r);
      this.rejected.set(r.document, ofDocument);
    }
  }

  isRejected(document: string, claim: string): boolean {
    return this.rejected.get(document)?.has(claim) ?? false;
  }

  rejections(documents: string[]): Rejection[] {
    return [...new Set(documents)].sort().flatMap((d) => [...(this.rejected.get(d)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1)));
  }

  /** The history of the lineage `id` belongs to, oldest first ([] when no change named it). */
  history(id: string): HistoryEntry[] {
    return this.lineageEntries(id).map(({ lineage: _lineage, ...entry }) => entry);
  }

  add(actor: Actor): void {
    this.added.set(actor.id, actor);
  }

  addedActors(): Actor[] {
    return [...this.added.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  snapshotRecord(): AnnotationsRecord {
    return {
      annotations: {
        history: [...this.byLineage.values()],
        lineages: [...this.lineages],
        rejected: [...this.rejected.values()].flatMap((ofDocument) => [...ofDocument.values()]),
        added: this.addedActors(),
      },
    };
  }

  /** Takes back what snapshotRecord() gave. */
  restore({ annotations }: AnnotationsRecord): void {
    for (const entries of annotations.history) this.byLineage.set(entries[0]!.lineage, entries);
    for (const [id, lineage] of annotations.lineages) this.lineages.set(id, lineage);
    this.reject(annotations.rejected);
    for (const actor of annotations.added) this.add(actor);
  }

  private lineageEntries(id: string): StoredHistoryEntry[] {
    const lineage = this.lineages.get(id);
    return lineage === undefined ? [] : (this.byLineage.get(lineage) ?? []);
  }
}

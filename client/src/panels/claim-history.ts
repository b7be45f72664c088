/**
 * A claim's history (GET /api/claims/:id/history): every change, oldest first, with when,
 * which analyst, what was done and which fields changed from what to what.
 */
import type { ClaimView, HistoryAction, HistoryEntry } from '../../../server/domain/index.ts';
import { annotationReads } from '../annotate-api.ts';
import { h } from '../dom.ts';

const DONE: Record<HistoryAction, string> = {
  create: 'created',
  update: 'edited',
  correct: 'corrected (now curated)',
  accept: 'accepted (now curated)',
  reject: 'rejected',
  retract: 'retracted',
};

/** The fields a history entry names when they change. */
const FIELDS = ['type', 'certainty', 'attributedTo', 'when', 'note', 'quote'] as const;

/** What changed between two versions of a claim, in words; direction and actors first. */
export function changes(before: ClaimView | undefined, after: ClaimView | undefined): string[] {
  if (!before || !after) return [];
  const out: string[] = [];
  if (before.subject.id === after.object.id && before.object.id === after.subject.id && before.subject.id !== before.object.id) {
    out.push(`direction flipped: now ${after.subject.name} → ${after.object.name}`);
  } else {
    if (before.subject.id !== after.subject.id) out.push(`subject: ${before.subject.name} → ${after.subject.name}`);
    if (before.object.id !== after.object.id) out.push(`object: ${before.object.name} → ${after.object.name}`);
  }
  for (const field of FIELDS) {
    const [was, now] = [before[field], after[field]];
    if (was !== now) out.push(`${field}: ${was ?? '—'} → ${now ?? '—'}`);
  }
  return out;
}

const stamp = (at: string) => new Date(at).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export function historyItem(entry: HistoryEntry): HTMLElement {
  const claim = entry.after ?? entry.before;
  return h('li', { class: `history-entry action-${entry.action}` }, [
    h('p', {}, [h('time', { text: stamp(entry.at), attrs: { datetime: entry.at } }), ' · ', h('strong', { text: entry.analyst }), ` ${DONE[entry.action]}`]),
    claim && entry.action !== 'update' && entry.action !== 'correct'
      ? h('p', { class: 'detail', text: `${claim.subject.name} ${claim.type} ${claim.object.name} (${claim.certainty})` })
      : null,
    ...changes(entry.before, entry.after).map((change) => h('p', { class: 'detail change', text: change })),
  ]);
}

/** The history of one claim as a list, filled when it arrives. */
export function historyList(id: string): HTMLElement {
  const list = h('ol', { class: 'history', attrs: { 'aria-busy': 'true', 'aria-label': 'Claim history' } });
  annotationReads
    .history(id)
    .then((items) => {
      list.replaceChildren(...(items.length ? items.map(historyItem) : [h('li', { class: 'hint', text: 'No recorded changes: as ingested.' })]));
    })
    .catch((error: unknown) => list.replaceChildren(h('li', { class: 'problem', text: `The history could not be read: ${String(error)}` })))
    .finally(() => list.removeAttribute('aria-busy'));
  return list;
}

/** A "History" disclosure that reads the history when opened. */
export function historyDisclosure(id: string): HTMLDetailsElement {
  const details = h('details', { class: 'claim-history' }, [h('summary', { text: 'History' })]);
  details.addEventListener('toggle', () => {
    if (details.open && !details.querySelector('.history')) details.append(historyList(id));
  });
  return details;
}

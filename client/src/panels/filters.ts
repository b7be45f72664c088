/**
 * The filters panel: source documents (with titles and grades), relation types, certainty,
 * actor kinds, source grade, corroboration and a time window over a histogram of the dated
 * relations. Every change is an action on the view state; the graph reloads from it.
 */
import {
  ActorKind,
  Certainty,
  RelationType,
  Reliability,
  type DocumentSummary,
  type GraphFilters,
} from '../../../server/domain/index.ts';
import { h, section } from '../dom.ts';
import { KIND_COLOURS, TYPE_COLOURS, TYPE_GLYPHS } from '../palette.ts';
import type { Store } from '../state.ts';
import { emptySelection } from '../modes.ts';
import { claimsByYear, datedClaims, timelineQuery, type DatedClaims } from '../timeline.ts';
import type { Panel } from './panel.ts';

type ListKey = 'documents' | 'types' | 'certainty' | 'kinds';

const GRADE_NAMES: Record<Reliability, string> = {
  A: 'A — completely reliable',
  B: 'B — usually reliable',
  C: 'C — fairly reliable',
  D: 'D — not usually reliable',
  E: 'E — unreliable',
  F: 'F — any grade',
};

export function filtersPanel(store: Store, documents: DocumentSummary[], years: [number, number]): Panel {
  const syncers: (() => void)[] = [];
  const setFilters = (patch: Partial<GraphFilters>) => store.dispatch({ type: 'filter', patch });

  /** A checklist where everything checked means "no filter", and nothing checked selects nothing. */
  const checklist = (key: ListKey, items: { value: string; label: string; detail?: string; colour?: string }[]) => {
    const boxes = items.map((item) => {
      const box = h('input', { attrs: { type: 'checkbox', value: item.value } });
      box.addEventListener('change', () => {
        const checked = boxes.filter((b) => b.checked).map((b) => b.value);
        setFilters({ [key]: checked.length === items.length ? undefined : checked });
      });
      return box;
    });
    syncers.push(() => {
      const chosen = store.get().filters[key] as string[] | undefined;
      for (const box of boxes) box.checked = !chosen || chosen.includes(box.value);
    });
    const rows = items.map((item, i) =>
      h('li', { class: 'check' }, [
        h('label', {}, [
          boxes[i]!,
          item.colour ? h('span', { class: 'swatch', attrs: { style: `background:${item.colour}`, 'aria-hidden': 'true' } }) : null,
          h('span', { class: 'check-label', text: item.label }),
          item.detail ? h('span', { class: 'detail', text: item.detail }) : null,
        ]),
        h('button', {
          class: 'only',
          text: 'only',
          attrs: { type: 'button', 'aria-label': `Show only ${item.label}` },
          on: { click: () => setFilters({ [key]: [item.value] }) },
        }),
      ]),
    );
    return h('ul', { class: 'checklist', dataset: { filter: key } }, rows);
  };

  const docs = checklist(
    'documents',
    documents.map((d) => ({
      value: d.id,
      label: d.title,
      detail: [`grade ${d.reliability}`, d.date, d.outlet, `${d.claims} claims`].filter(Boolean).join(' · '),
    })),
  );
  const types = checklist(
    'types',
    RelationType.options.map((t) => ({ value: t, label: `${TYPE_GLYPHS[t]} ${t}`, colour: TYPE_COLOURS[t] })),
  );
  const certainty = checklist('certainty', Certainty.options.map((c) => ({ value: c, label: c })));
  const kinds = checklist('kinds', ActorKind.options.map((k) => ({ value: k, label: k, colour: KIND_COLOURS[k] })));

  const grade = h(
    'select',
    { attrs: { id: 'filter-reliability' } },
    Reliability.options.map((g) => h('option', { text: GRADE_NAMES[g], attrs: { value: g } })),
  );
  grade.addEventListener('change', () => setFilters({ reliability: grade.value === 'F' ? undefined : (grade.value as Reliability) }));
  syncers.push(() => (grade.value = store.get().filters.reliability ?? 'F'));

  const corroboration = h('input', { attrs: { id: 'filter-min-documents', type: 'number', min: 1, max: Math.max(1, documents.length), step: 1 } });
  corroboration.addEventListener('change', () => {
    const n = Number(corroboration.value);
    setFilters({ minDocuments: Number.isInteger(n) && n > 1 ? n : undefined });
  });
  syncers.push(() => (corroboration.value = String(store.get().filters.minDocuments ?? 1)));

  const [minYear, maxYear] = years;
  const timeOn = h('input', { attrs: { id: 'filter-time', type: 'checkbox' } });
  const fromYear = h('input', { attrs: { type: 'range', min: minYear, max: maxYear, step: 1, 'aria-label': 'From year' } });
  const toYear = h('input', { attrs: { type: 'range', min: minYear, max: maxYear, step: 1, 'aria-label': 'To year' } });
  const yearsText = h('output', { class: 'years', attrs: { for: 'filter-time' } });
  const applyTime = () => {
    const [a, b] = [Number(fromYear.value), Number(toYear.value)].sort((x, y) => x - y) as [number, number];
    setFilters(timeOn.checked ? { from: String(a), to: String(b) } : { from: undefined, to: undefined });
  };
  timeOn.addEventListener('change', applyTime);
  fromYear.addEventListener('change', () => ((timeOn.checked = true), applyTime()));
  toYear.addEventListener('change', () => ((timeOn.checked = true), applyTime()));
  for (const slider of [fromYear, toYear]) {
    slider.addEventListener('input', () => (yearsText.textContent = `${fromYear.value} – ${toYear.value}`));
  }
  syncers.push(() => {
    const { from, to } = store.get().filters;
    timeOn.checked = from !== undefined || to !== undefined;
    fromYear.value = String(from ? Number(from.slice(0, 4)) : minYear);
    toYear.value = String(to ? Number(to.slice(0, 4)) : maxYear);
    yearsText.textContent = timeOn.checked ? `${fromYear.value} – ${toYear.value}` : 'any time';
  });

  const timeline = h('div', { class: 'timeline', attrs: { role: 'group', 'aria-label': 'Dated claims per year' } });
  const timelineNote = h('p', { class: 'hint', attrs: { 'aria-live': 'polite' } });
  let dated: DatedClaims = { whens: [], total: 0 };
  const drawTimeline = () => {
    const counts = claimsByYear(dated.whens, years);
    const most = Math.max(1, ...counts.values());
    const { from, to } = store.get().filters;
    const [a, b] = [from ? Number(from.slice(0, 4)) : -Infinity, to ? Number(to.slice(0, 4)) : Infinity];
    timeline.replaceChildren(
      ...[...counts].map(([year, count]) =>
        h(
          'button',
          {
            class: year >= a && year <= b ? 'bar in' : 'bar',
            attrs: { type: 'button', title: `${year}: ${count} dated claim${count === 1 ? '' : 's'}`, 'aria-label': `${year}: ${count} dated claims. Show only ${year}` },
            dataset: { year: String(year), count: String(count) },
            on: { click: () => setFilters({ from: String(year), to: String(year) }) },
          },
          [h('span', { attrs: { style: `height:${Math.round((count / most) * 100)}%` } })],
        ),
      ),
    );
    const undated = dated.whens.filter((w) => !w).length;
    const read = dated.whens.length < dated.total ? ` (the first ${dated.whens.length} of ${dated.total} claims)` : '';
    timelineNote.textContent = `Dated claims per year under the other filters${read}; ${undated} undated.`;
  };
  /** The claims behind the bars are read again only when a filter other than the window changes. */
  let timelineKey = '';
  const refreshTimeline = () => {
    const key = JSON.stringify(timelineQuery(store.get().filters));
    if (key === timelineKey) return drawTimeline();
    timelineKey = key;
    const { filters } = store.get();
    (emptySelection(filters) ? Promise.resolve({ whens: [], total: 0 }) : datedClaims(filters))
      .then((answer) => {
        if (key !== timelineKey) return;
        dated = answer;
        drawTimeline();
      })
      .catch((error: unknown) => (timelineNote.textContent = `The timeline could not be read: ${String(error)}`));
  };
  syncers.push(refreshTimeline);

  const reset = h('button', { text: 'Reset filters', attrs: { type: 'button' }, on: { click: () => store.dispatch({ type: 'resetFilters' }) } });

  const panel = h('div', { class: 'filters' }, [
    section('Source documents', [docs]),
    section('Relation types', [types], false),
    section('Certainty', [certainty], false),
    section('Actor kinds', [kinds], false),
    section('Sources and corroboration', [
      h('label', { class: 'field', attrs: { for: 'filter-reliability' } }, ['Lowest source grade']),
      grade,
      h('label', { class: 'field', attrs: { for: 'filter-min-documents' } }, ['Supported by at least N documents']),
      corroboration,
    ]),
    section('Time', [
      h('label', { class: 'inline' }, [timeOn, ' Only relations held between', yearsText]),
      timeline,
      h('p', { class: 'timeline-axis', attrs: { 'aria-hidden': 'true' } }, [h('span', { text: String(minYear) }), h('span', { text: String(maxYear) })]),
      fromYear,
      toYear,
      timelineNote,
      h('p', { class: 'hint', text: 'Undated claims drop out once a time window is set.' }),
    ]),
    reset,
  ]);
  const sync = () => syncers.forEach((s) => s());
  sync();
  return {
    element: panel,
    update: ({ state, previous }) => {
      if (state.filters !== previous.filters) sync();
    },
  };
}

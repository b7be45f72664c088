/** Appearance, path finder, source comparison and export: the tools below the filters. */
import type { DocumentSummary } from '../../../server/domain/index.ts';
import { gexfHref } from '../api.ts';
import { h, section } from '../dom.ts';
import { ColourScheme, SizeMetric, type Store } from '../state.ts';
import { actorSearch, type ActorSearch } from './actor-search.ts';

export interface Tools {
  element: HTMLElement;
  pathInputs: { from: ActorSearch; to: ActorSearch };
}

const choice = <T extends string>(id: string, label: string, options: readonly T[], value: T, onChange: (v: T) => void) => {
  const select = h('select', { attrs: { id } }, options.map((o) => h('option', { text: o, attrs: { value: o } })));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value as T));
  return [h('label', { class: 'field', attrs: { for: id }, text: label }), select];
};

export function toolsPanel(store: Store, documents: DocumentSummary[], savePNG: () => Promise<void>): Tools {
  const state = store.get();
  const appearance = section('Appearance', [
    ...choice('size-metric', 'Node size', SizeMetric.options, state.size, (size) => store.set({ size })),
    ...choice('colour-scheme', 'Node colour', ColourScheme.options, state.colour, (colour) => store.set({ colour })),
  ]);

  const setPath = (patch: Partial<ReturnType<Store['get']>['path']>) => {
    const path = { ...store.get().path, ...patch };
    store.set({ path, mode: path.from && path.to ? 'paths' : store.get().mode, selection: null });
  };
  const from = actorSearch({ label: 'Path from actor', placeholder: 'From actor…', onChoose: (hit) => setPath({ from: hit.id }) });
  const to = actorSearch({ label: 'Path to actor', placeholder: 'To actor…', onChoose: (hit) => setPath({ to: hit.id }) });
  const maxLength = h('input', { attrs: { id: 'path-max', type: 'number', min: 1, max: 6, value: state.path.maxLength } });
  maxLength.addEventListener('change', () => {
    const n = Number(maxLength.value);
    if (Number.isInteger(n) && n >= 1 && n <= 6) setPath({ maxLength: n });
  });
  const paths = section(
    'Find paths',
    [from.element, to.element, h('label', { class: 'field', attrs: { for: 'path-max' }, text: 'Longest path (steps)' }), maxLength],
    false,
  );

  const docSelect = (id: string, label: string, value: string | undefined) => {
    const select = h('select', { attrs: { id } }, [
      h('option', { text: '— choose a document —', attrs: { value: '' } }),
      ...documents.map((d) => h('option', { text: `${d.title} (${d.reliability})`, attrs: { value: d.id } })),
    ]);
    select.value = value ?? '';
    return [h('label', { class: 'field', attrs: { for: id }, text: label }), select] as const;
  };
  const [aLabel, a] = docSelect('compare-a', 'Source A', state.compare.a);
  const [bLabel, b] = docSelect('compare-b', 'Source B', state.compare.b);
  const compareButton = h('button', {
    text: 'Compare',
    attrs: { type: 'button', id: 'compare-run' },
    on: {
      click: () => {
        if (a.value && b.value) store.set({ mode: 'compare', compare: { a: a.value, b: b.value }, selection: null });
      },
    },
  });
  const compare = section('Compare two sources', [aLabel, a, bLabel, b, compareButton], false);

  const gexf = h('a', { class: 'button', text: 'Download GEXF', attrs: { href: gexfHref(state.filters), download: 'dyad.gexf' } });
  const copied = h('span', { class: 'hint', attrs: { role: 'status' } });
  const exporter = section(
    'Export',
    [
      h('div', { class: 'actions' }, [
        h('button', {
          text: 'Save PNG',
          attrs: { type: 'button' },
          on: { click: () => void savePNG() },
        }),
        gexf,
        h('button', {
          text: 'Copy link',
          attrs: { type: 'button' },
          on: {
            click: () =>
              void navigator.clipboard.writeText(location.href).then(
                () => (copied.textContent = 'Link copied.'),
                () => (copied.textContent = 'Copy the address bar to share this view.'),
              ),
          },
        }),
      ]),
      copied,
    ],
    false,
  );

  store.subscribe((next, previous) => {
    if (next.filters !== previous.filters) gexf.href = gexfHref(next.filters);
    if (next.compare !== previous.compare) {
      a.value = next.compare.a ?? '';
      b.value = next.compare.b ?? '';
    }
  });
  return { element: h('div', { class: 'tools' }, [appearance, paths, compare, exporter]), pathInputs: { from, to } };
}

/** Appearance, path finder, source comparison and export: the tools below the filters. */
import type { DocumentSummary } from '../../../server/domain/index.ts';
import { h, section } from '../dom.ts';
import { ColourScheme, SizeMetric, type PathSpec, type Store } from '../state.ts';
import { actorSearch, type ActorSearch } from './actor-search.ts';
import type { Panel } from './panel.ts';

export interface Tools extends Panel {
  pathInputs: { from: ActorSearch; to: ActorSearch };
}

/** Exports of what is shown. */
export interface Exports {
  png(): Promise<void>;
  gexf(): void;
}

const choice = <T extends string>(id: string, label: string, options: readonly T[], value: T, onChange: (v: T) => void) => {
  const select = h('select', { attrs: { id } }, options.map((o) => h('option', { text: o, attrs: { value: o } })));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value as T));
  return [h('label', { class: 'field', attrs: { for: id }, text: label }), select] as const;
};

export function toolsPanel(store: Store, documents: DocumentSummary[], exports: Exports): Tools {
  const state = store.get();
  const size = choice('size-metric', 'Node size', SizeMetric.options, state.size, (size) => store.dispatch({ type: 'appearance', size }));
  const colour = choice('colour-scheme', 'Node colour', ColourScheme.options, state.colour, (colour) => store.dispatch({ type: 'appearance', colour }));
  const appearance = section('Appearance', [...size, ...colour]);

  const setPath = (patch: Partial<PathSpec>) => store.dispatch({ type: 'path', patch });
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
        if (a.value && b.value) store.dispatch({ type: 'compare', a: a.value, b: b.value });
      },
    },
  });
  const compare = section('Compare two sources', [aLabel, a, bLabel, b, compareButton], false);

  const copied = h('span', { class: 'hint', attrs: { role: 'status' } });
  const exporter = section(
    'Export',
    [
      h('div', { class: 'actions' }, [
        h('button', { text: 'Save PNG', attrs: { type: 'button', id: 'export-png' }, on: { click: () => void exports.png() } }),
        h('button', { text: 'Save GEXF', attrs: { type: 'button', id: 'export-gexf' }, on: { click: () => exports.gexf() } }),
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
  exporter.append(h('p', { class: 'hint', text: 'Exports hold what is shown: the actors and relations drawn, where they are drawn, in their colours.' }));

  return {
    element: h('div', { class: 'tools' }, [appearance, paths, compare, exporter]),
    pathInputs: { from, to },
    update: ({ state: next, previous }) => {
      if (next.compare !== previous.compare) {
        a.value = next.compare.a ?? '';
        b.value = next.compare.b ?? '';
      }
      if (next.size !== previous.size) size[1].value = next.size;
      if (next.colour !== previous.colour) colour[1].value = next.colour;
      if (next.path.maxLength !== previous.path.maxLength) maxLength.value = String(next.path.maxLength);
    },
  };
}

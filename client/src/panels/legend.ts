/**
 * The legend: every colour, shape, glyph and line style the graph currently uses, from
 * palette.ts, and for each relation type its signature (server/domain/signatures.ts): which
 * kinds of actor it links, and whether it holds both ways. It sits under the drawing, never
 * over it, folded until asked where room is short.
 */
import { ActorKind, CompareSide, RelationType, SIGNATURES, SYMMETRIC_TYPES } from '../../../server/domain/index.ts';
import { h } from '../dom.ts';
import type { Model } from '../model.ts';
import {
  COMMUNITY_COLOURS,
  CONTESTED_LABEL_COLOUR,
  DENIED_COLOUR,
  KIND_COLOURS,
  KIND_SHAPES,
  SIDE_COLOURS,
  SIDE_LABELS,
  STRENGTH_ALPHA,
  TYPE_COLOURS,
  TYPE_GLYPHS,
  typeWords,
  withAlpha,
} from '../palette.ts';
import type { ViewState } from '../state.ts';
import type { Panel } from './panel.ts';

/** "group, state → place" for a directed type, "state, group ↔ state, group" for a mutual one. */
export function signatureText(type: RelationType): string {
  const { subject, object, symmetric } = SIGNATURES[type];
  return `${subject.join(', ')} ${symmetric ? '↔' : '→'} ${object.join(', ')}`;
}

const SIZE_NAMES = { degree: 'number of related actors', betweenness: 'betweenness (brokers)', pagerank: 'PageRank' };

const row = (symbol: HTMLElement, text: string) => h('li', {}, [symbol, h('span', { text })]);
const dot = (colour: string, shape: 'circle' | 'square') =>
  h('span', { class: `key-node ${shape}`, attrs: { style: `background:${colour}`, 'aria-hidden': 'true' } });
const line = (colour: string, style = '') =>
  h('span', { class: `key-line ${style}`, attrs: { style: `--c:${colour}`, 'aria-hidden': 'true' } });

export function renderLegend(root: HTMLElement, model: Model, state: ViewState): void {
  const types = new Set<RelationType>();
  model.forEachEdge((_e, a) => types.add(a.type));
  const compare = state.mode === 'compare';
  // Open by default where there is room; on small screens it starts folded under the graph.
  const open = root.querySelector('details')?.open ?? window.innerHeight >= 900;
  root.replaceChildren(
    h('details', { attrs: { open } }, [
      h('summary', { text: 'Legend' }),
      h('div', { class: 'legend-body' }, [
        h('section', {}, [
          h('p', { class: 'legend-title', text: state.colour === 'kind' ? 'Actors (colour = kind)' : 'Actors (colour = community)' }),
          h(
            'ul',
            {},
            state.colour === 'kind'
              ? ActorKind.options.map((k) => row(dot(KIND_COLOURS[k], KIND_SHAPES[k]), k === 'state' ? 'state (square)' : k))
              : [
                  row(
                    h('span', { class: 'key-strip', attrs: { 'aria-hidden': 'true' } }, COMMUNITY_COLOURS.slice(0, 5).map((c) => dot(c, 'circle'))),
                    'Louvain community (one colour each)',
                  ),
                  row(dot('#777777', 'square'), 'square = state'),
                ],
          ),
          h('p', { class: 'hint', text: `Size: ${SIZE_NAMES[state.size]}` }),
        ]),
        compare
          ? h('section', {}, [
              h('p', { class: 'legend-title', text: 'Compared sources' }),
              h('ul', {}, CompareSide.options.map((s) => row(line(SIDE_COLOURS[s], s === 'contradicted' ? 'thick' : ''), SIDE_LABELS[s]))),
            ])
          : h('section', {}, [
              h('p', { class: 'legend-title', text: 'Relations (colour = type)' }),
              h(
                'ul',
                { class: 'columns' },
                RelationType.options
                  .filter((t) => types.has(t))
                  .map((t) =>
                    h('li', { class: 'signature', dataset: { type: t } }, [
                      line(TYPE_COLOURS[t], SIGNATURES[t].symmetric ? '' : 'arrow'),
                      h('span', {}, [`${TYPE_GLYPHS[t]} ${t}`, h('span', { class: 'kinds', text: signatureText(t) })]),
                    ]),
                  ),
              ),
            ]),
        h('section', {}, [
          h('p', { class: 'legend-title', text: 'Line style' }),
          h('ul', {}, [
            row(line(withAlpha('#37474f', STRENGTH_ALPHA.firm), 'arrow'), 'arrow: direction (subject → object)'),
            row(
              line(withAlpha('#37474f', STRENGTH_ALPHA.firm)),
              `no arrow: mutual (${[...SYMMETRIC_TYPES].map((t) => typeWords(t)).join(', ')})`,
            ),
            compare ? null : row(line(withAlpha('#37474f', STRENGTH_ALPHA.weak)), 'faded: only alleged or speculative'),
            compare ? null : row(line(withAlpha(DENIED_COLOUR, STRENGTH_ALPHA.denied)), 'grey, labelled “… · denied”: only denials'),
            row(
              h('span', { class: 'key-contested', text: 'contested', attrs: { style: `color:${CONTESTED_LABEL_COLOUR}` } }),
              'double width: one source supports, another denies',
            ),
            row(line('#37474f', 'curved'), 'curves: several relations between one pair'),
            row(line('#37474f', 'wide'), 'width: number of claims'),
          ]),
        ]),
      ]),
    ]),
  );
}

export function legendPanel(root: HTMLElement, model: Model): Panel {
  return {
    element: root,
    update: ({ state, previous, loaded }) => {
      if (loaded || state.mode !== previous.mode || state.colour !== previous.colour || state.size !== previous.size) {
        renderLegend(root, model, state);
      }
    },
  };
}

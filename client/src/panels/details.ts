/**
 * The right-hand panel: an overview (with the paths found, in the paths mode), an actor's
 * relations grouped by type, or the evidence behind one relation — every claim with its
 * quote, certainty, attribution and source, each quote opening the document reader.
 */
import { allSimplePaths } from 'graphology-simple-path';
import { CompareSide, type ClaimView, type DocumentSummary, type RelationType } from '../../../server/domain/index.ts';
import { api } from '../api.ts';
import { shortLabel } from '../display.ts';
import { fill, h } from '../dom.ts';
import { simpleProjection, type Model } from '../model.ts';
import type { Names } from '../names.ts';
import { KIND_COLOURS, SIDE_COLOURS, SIDE_LABELS, strengthOf, DENIED_COLOUR, TYPE_COLOURS, TYPE_GLYPHS, typeWords } from '../palette.ts';
import type { Selection, Store } from '../state.ts';
import type { Change, Panel } from './panel.ts';

export interface DetailsActions {
  openReader(document: string, claim: ClaimView, opener: HTMLElement): void;
  expand(actor: string): void;
  pathEnd(end: 'from' | 'to', actor: string, name: string): void;
  select(selection: Selection): void;
  /** Highlight one found path in the drawing (or none). */
  highlightPath(path: { nodes: string[]; edges: string[] } | null): void;
  /** Controls under each claim of the evidence (edit, history: panels/annotate.ts). */
  claimTools?(claim: ClaimView): Node;
}

const CERTAINTY_HINT: Record<ClaimView['certainty'], string> = {
  asserted: 'the author states it as fact',
  reported: 'the author cites a source',
  alleged: 'an accusation',
  speculative: 'hedged: may, could, reportedly',
  denied: 'a party denies it',
};

const MAX_PATHS = 20;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export class DetailsPanel implements Panel {
  private request = 0;
  private activePath = -1;

  constructor(
    readonly element: HTMLElement,
    private readonly model: Model,
    private readonly store: Store,
    private readonly documents: Map<string, DocumentSummary>,
    private readonly names: Names,
    private readonly actions: DetailsActions,
  ) {}

  update({ state, previous, loaded }: Change): void {
    if (loaded || state.selection !== previous.selection || state.hidden !== previous.hidden) this.render();
  }

  render(): void {
    const { selection } = this.store.get();
    const request = ++this.request;
    if (selection?.kind === 'node' && this.model.hasNode(selection.id)) void this.renderNode(selection.id, request);
    else if (selection?.kind === 'edge' && this.model.hasEdge(selection.id)) void this.renderEdge(selection.id, request);
    else this.renderOverview(selection !== null);
  }

  /** Move keyboard focus to the panel's heading after the panel was chosen from (not the graph). */
  focusHeading(): void {
    this.element.querySelector<HTMLElement>('h2')?.focus();
  }

  private select(kind: 'node' | 'edge', id: string): void {
    this.actions.select({ kind, id });
  }

  private heading(children: (Node | string)[], className = ''): HTMLElement {
    return h('h2', { class: className, attrs: { tabindex: -1 } }, children);
  }

  private renderOverview(missing: boolean): void {
    const top = this.model
      .nodes()
      .map((n) => ({ id: n, degree: this.model.degree(n), attrs: this.model.getNodeAttributes(n) }))
      .sort((a, b) => b.degree - a.degree || a.attrs.name.localeCompare(b.attrs.name))
      .slice(0, 12);
    fill(this.element, [
      this.heading(['Explore the evidence']),
      missing ? h('p', { class: 'notice', text: 'The selected item is not in the current view (check the filters).' }) : null,
      this.pathList(),
      this.compareSummary(),
      h('p', {
        class: 'hint',
        text: 'Click an actor to list its relations, or a line to read every quote behind it. Double-click an actor to expand it; drag to pin it; Shift-drag to gather several; right-click for more. Press / to search, Escape to clear.',
      }),
      h('h3', { text: 'Most connected actors' }),
      h(
        'ul',
        { class: 'plain' },
        top.map(({ id, degree, attrs }) =>
          h('li', {}, [
            h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => this.select('node', id) } }, [
              h('span', { class: 'swatch', attrs: { style: `background:${KIND_COLOURS[attrs.kind]}`, 'aria-hidden': 'true' } }),
              `${attrs.name} `,
              h('span', { class: 'detail', text: plural(degree, 'relation') }),
            ]),
          ]),
        ),
      ),
    ]);
  }

  /** In the paths mode: every path between the two ends, shortest first, each step a link. */
  private pathList(): HTMLElement | null {
    const { mode, path } = this.store.get();
    if (mode !== 'paths' || !path.from || !path.to || !this.model.hasNode(path.from) || !this.model.hasNode(path.to)) return null;
    const simple = simpleProjection(this.model);
    const found = allSimplePaths(simple, path.from, path.to, { maxDepth: path.maxLength })
      .sort((a, b) => a.length - b.length)
      .slice(0, MAX_PATHS);
    /** Relations between two actors, either way (graphology may list one under both orders). */
    const between = (a: string, b: string) => [...new Set([...this.model.edges(a, b), ...this.model.edges(b, a)])];
    const edgesOf = (nodes: string[]) => nodes.slice(1).flatMap((node, i) => between(nodes[i]!, node));
    const name = (n: string) => shortLabel(this.model.getNodeAttributes(n));
    return h('section', { class: 'paths' }, [
      h('h3', { text: `${plural(found.length, 'path')} from ${name(path.from)} to ${name(path.to)}` }),
      found.length === 0 ? h('p', { class: 'hint', text: 'No path within the current filters.' }) : null,
      h(
        'ol',
        { class: 'path-list' },
        found.map((nodes, index) => {
          const edges = edgesOf(nodes);
          const steps: (Node | string)[] = [];
          nodes.forEach((node, i) => {
            if (i > 0) {
              for (const edge of between(nodes[i - 1]!, node)) {
                const type = this.model.getEdgeAttribute(edge, 'type');
                steps.push(
                  h('button', {
                    class: 'link step-edge',
                    text: ` ${TYPE_GLYPHS[type]} ${typeWords(type)} `,
                    attrs: { type: 'button' },
                    on: { click: () => this.select('edge', edge) },
                  }),
                );
              }
            }
            steps.push(h('button', { class: 'link step-node', text: name(node), attrs: { type: 'button' }, on: { click: () => this.select('node', node) } }));
          });
          const item = h('li', { class: index === this.activePath ? 'path active' : 'path' }, [
            h('button', {
              class: 'path-show',
              text: index === this.activePath ? 'Shown' : 'Show',
              attrs: { type: 'button', 'aria-pressed': String(index === this.activePath), 'aria-label': `Highlight path ${index + 1}` },
              on: {
                click: () => {
                  this.activePath = index === this.activePath ? -1 : index;
                  this.actions.highlightPath(this.activePath < 0 ? null : { nodes, edges });
                  this.renderOverview(false);
                  this.element.querySelectorAll<HTMLElement>('.path-show')[index]?.focus();
                },
              },
            }),
            h('span', { class: 'steps' }, steps),
          ]);
          return item;
        }),
      ),
    ]);
  }

  /** Forget a highlighted path (a new path query was made). */
  resetPath(): void {
    this.activePath = -1;
    this.actions.highlightPath(null);
  }

  /** In compare mode: the two sources and how many relations fall on each side. */
  private compareSummary(): HTMLElement | null {
    const { mode, compare } = this.store.get();
    if (mode !== 'compare' || !compare.a || !compare.b) return null;
    const counts = new Map<CompareSide, number>();
    this.model.forEachEdge((_e, a) => a.side && counts.set(a.side, (counts.get(a.side) ?? 0) + 1));
    const title = (id: string) => this.documents.get(id)?.title ?? id;
    return h('section', { class: 'compare-summary' }, [
      h('h3', { text: 'Comparing two sources' }),
      h('p', {}, [h('strong', { text: 'A: ' }), title(compare.a)]),
      h('p', {}, [h('strong', { text: 'B: ' }), title(compare.b)]),
      h(
        'ul',
        { class: 'plain' },
        CompareSide.options.map((side) =>
          h('li', {}, [
            h('span', { class: 'swatch line', attrs: { style: `background:${SIDE_COLOURS[side]}`, 'aria-hidden': 'true' } }),
            `${counts.get(side) ?? 0} ${SIDE_LABELS[side]}`,
          ]),
        ),
      ),
    ]);
  }

  private async renderNode(id: string, request: number): Promise<void> {
    const attrs = this.model.getNodeAttributes(id);
    const hidden = new Set(this.store.get().hidden);
    const byType = new Map<RelationType, string[]>();
    for (const edge of this.model.edges(id)) {
      if (this.model.extremities(edge).some((n) => hidden.has(n))) continue;
      const type = this.model.getEdgeAttribute(edge, 'type');
      byType.set(type, [...(byType.get(type) ?? []), edge]);
    }
    const groups = [...byType.entries()].sort((a, b) => b[1].length - a[1].length);
    const description = h('p', { class: 'description' });
    const { mode } = this.store.get();
    fill(this.element, [
      this.heading([h('span', { class: 'swatch', attrs: { style: `background:${KIND_COLOURS[attrs.kind]}`, 'aria-hidden': 'true' } }), attrs.name]),
      h('p', { class: 'meta', text: `${attrs.kind} · ${plural(attrs.claims, 'claim')} in view` }),
      attrs.aliases.length ? h('p', { class: 'aliases', text: `Also: ${attrs.aliases.join(', ')}` }) : null,
      description,
      h('div', { class: 'actions' }, [
        h('button', {
          text: mode === 'ego' ? 'Expand neighbourhood' : 'Explore neighbourhood',
          attrs: { type: 'button', id: 'expand-actor' },
          on: { click: () => this.actions.expand(id) },
        }),
        h('button', { text: 'Path from here', attrs: { type: 'button', id: 'path-from-here' }, on: { click: () => this.actions.pathEnd('from', id, attrs.name) } }),
        h('button', { text: 'Path to here', attrs: { type: 'button', id: 'path-to-here' }, on: { click: () => this.actions.pathEnd('to', id, attrs.name) } }),
      ]),
      h('h3', { text: 'Relations' }),
      groups.length === 0 ? h('p', { class: 'hint', text: 'No relations in the current view.' }) : null,
      ...groups.map(([type, edges]) =>
        h('section', { class: 'relation-group' }, [
          h('h4', {}, [
            h('span', { class: 'swatch line', attrs: { style: `background:${TYPE_COLOURS[type]}`, 'aria-hidden': 'true' } }),
            `${TYPE_GLYPHS[type]} ${type} (${edges.length})`,
          ]),
          h('ul', { class: 'plain' }, edges.map((edge) => this.relationItem(id, edge))),
        ]),
      ),
    ]);
    try {
      const detail = await api.actor(id);
      if (request === this.request && detail.description) description.textContent = await this.names.prose(detail.description);
    } catch {
      // The description is an extra; the relations above already come from the model.
    }
  }

  private relationItem(anchor: string, edge: string): HTMLElement {
    const attrs = this.model.getEdgeAttributes(edge);
    const [source, target] = this.model.extremities(edge);
    const other = source === anchor ? target : source;
    const arrow = attrs.symmetric ? '↔' : source === anchor ? '→' : '←';
    const strength = strengthOf(attrs);
    return h('li', {}, [
      h('button', { class: 'link', attrs: { type: 'button' }, on: { click: () => this.select('edge', edge) } }, [
        `${arrow} ${shortLabel(this.model.getNodeAttributes(other))} `,
        h('span', {
          class: 'detail',
          text: [
            plural(attrs.claims, 'claim'),
            plural(attrs.documents.length, 'doc'),
            strength === 'weak' ? 'alleged/speculative' : '',
            strength === 'denied' ? 'denied' : '',
            attrs.contested ? 'contested' : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }),
      ]),
    ]);
  }

  private async renderEdge(edge: string, request: number): Promise<void> {
    const attrs = this.model.getEdgeAttributes(edge);
    const [source, target] = this.model.extremities(edge);
    const name = (n: string) => this.model.getNodeAttribute(n, 'name');
    const denied = strengthOf(attrs) === 'denied';
    const list = h('ol', { class: 'claims', attrs: { 'aria-busy': 'true' } });
    const when = attrs.firstWhen ? `${attrs.firstWhen}${attrs.lastWhen && attrs.lastWhen !== attrs.firstWhen ? ` – ${attrs.lastWhen}` : ''}` : '';
    const arrow = attrs.symmetric ? '↔' : '→';
    fill(this.element, [
      this.heading(
        [
          h('button', { class: 'link', text: name(source), attrs: { type: 'button' }, on: { click: () => this.select('node', source) } }),
          // The type's colour on a swatch; the words stay dark enough to read.
          h('span', { class: denied ? 'relation denied' : 'relation' }, [
            ` ${arrow} `,
            h('span', { class: 'swatch line', attrs: { style: `background:${denied ? DENIED_COLOUR : TYPE_COLOURS[attrs.type]}`, 'aria-hidden': 'true' } }),
            `${TYPE_GLYPHS[attrs.type]} ${attrs.type}${denied ? ' (denied)' : ''} ${arrow} `,
          ]),
          h('button', { class: 'link', text: name(target), attrs: { type: 'button' }, on: { click: () => this.select('node', target) } }),
        ],
        'edge-title',
      ),
      h('p', { class: 'badges' }, [
        badge(plural(attrs.claims, 'claim')),
        // A relation only denied is stated as a denial, never as "supported by 0".
        attrs.supporting > 0 ? badge(`supported by ${plural(attrs.supporting, 'doc')}`) : null,
        attrs.denying ? badge(`denied in ${plural(attrs.denying, 'doc')}`, 'denied') : null,
        denied ? badge('only denials', 'denied') : null,
        attrs.contested ? badge('contested', 'contested') : null,
        attrs.side ? badge(SIDE_LABELS[attrs.side], `side-${attrs.side}`) : null,
        when ? badge(`when: ${when}`) : null,
      ]),
      h('h3', { text: 'Evidence' }),
      list,
    ]);
    const { filters, mode, compare } = this.store.get();
    const { minClaims: _c, minDocuments: _d, ...claimFilters } = filters;
    const documents = mode === 'compare' && compare.a && compare.b ? [compare.a, compare.b] : claimFilters.documents;
    const page = await api.claims({
      ...claimFilters,
      documents,
      subject: source,
      object: target,
      type: attrs.type,
      undirected: attrs.symmetric,
      limit: 200,
    });
    if (request !== this.request) return;
    // The evidence shows at once; attributions naming actors outside the view get their names after.
    const items = page.items.map((claim) => this.claimItem(claim));
    list.removeAttribute('aria-busy');
    list.replaceChildren(...items);
    if (page.total > page.items.length) list.after(h('p', { class: 'hint', text: `${page.total - page.items.length} more claims not shown.` }));
  }

  private claimItem(claim: ClaimView): HTMLElement {
    const doc = this.documents.get(claim.document);
    const attributed = claim.attributedTo ? h('span', { class: 'attributed', text: `according to ${this.names.attributionNow(claim.attributedTo)}` }) : null;
    if (claim.attributedTo) void this.names.attribution(claim.attributedTo).then((names) => (attributed!.textContent = `according to ${names}`));
    const quote: HTMLButtonElement = h(
      'button',
      {
        class: 'quote',
        attrs: { type: 'button', title: 'Open in the document reader' },
        on: { click: () => this.actions.openReader(claim.document, claim, quote) },
      },
      [h('q', { text: claim.quote })],
    );
    return h('li', { class: `claim certainty-${claim.certainty}`, dataset: { claim: claim.id } }, [
      quote,
      h('p', { class: 'claim-meta' }, [
        badge(claim.certainty, `certainty-${claim.certainty}`, CERTAINTY_HINT[claim.certainty]),
        attributed,
        claim.when ? h('span', { class: 'when', text: `when: ${claim.when}` }) : null,
        claim.origin === 'extracted' ? badge(`extracted ${Math.round((claim.confidence ?? 0) * 100)}%`, 'extracted') : null,
      ]),
      h('p', { class: 'source' }, [
        h('span', { class: 'doc-title', text: claim.documentTitle }),
        h('span', { class: 'detail', text: [`grade ${claim.reliability}`, doc?.date, doc?.outlet].filter(Boolean).join(' · ') }),
      ]),
      this.actions.claimTools?.(claim),
    ]);
  }
}

function badge(text: string, kind = '', title?: string): HTMLElement {
  return h('span', { class: `badge ${kind}`, text, attrs: { title } });
}

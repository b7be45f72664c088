/**
 * The right-hand panel: an overview when nothing is selected, an actor's relations grouped
 * by type, or the evidence behind one relation — every claim with its quote, certainty,
 * attribution and source, each quote opening the document reader at its span.
 */
import { CompareSide, type ClaimView, type DocumentSummary, type RelationType } from '../../../server/domain/index.ts';
import { api } from '../api.ts';
import { fill, h } from '../dom.ts';
import { shortLabel } from '../graph-view.ts';
import type { Model } from '../model.ts';
import { KIND_COLOURS, SIDE_COLOURS, SIDE_LABELS, strengthOf, TYPE_COLOURS } from '../palette.ts';
import type { Store } from '../state.ts';

export interface DetailsActions {
  openReader(document: string, claim?: ClaimView): void;
  expand(actor: string): void;
  pathEnd(end: 'from' | 'to', actor: string, name: string): void;
}

const CERTAINTY_HINT: Record<ClaimView['certainty'], string> = {
  asserted: 'the author states it as fact',
  reported: 'the author cites a source',
  alleged: 'an accusation',
  speculative: 'hedged: may, could, reportedly',
  denied: 'a party denies it',
};

export class DetailsPanel {
  private request = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: Model,
    private readonly store: Store,
    private readonly documents: Map<string, DocumentSummary>,
    private readonly actions: DetailsActions,
  ) {}

  render(): void {
    const { selection } = this.store.get();
    const request = ++this.request;
    if (selection?.kind === 'node' && this.model.hasNode(selection.id)) void this.renderNode(selection.id, request);
    else if (selection?.kind === 'edge' && this.model.hasEdge(selection.id)) void this.renderEdge(selection.id, request);
    else this.renderOverview(selection !== null);
  }

  private select(kind: 'node' | 'edge', id: string): void {
    this.store.set({ selection: { kind, id } });
  }

  private renderOverview(missing: boolean): void {
    const top = this.model
      .nodes()
      .map((n) => ({ id: n, degree: this.model.degree(n), attrs: this.model.getNodeAttributes(n) }))
      .sort((a, b) => b.degree - a.degree || a.attrs.name.localeCompare(b.attrs.name))
      .slice(0, 12);
    fill(this.root, [
      h('h2', { text: 'Explore the evidence' }),
      missing ? h('p', { class: 'notice', text: 'The selected item is not in the current view (check the filters).' }) : null,
      this.compareSummary(),
      h('p', {
        class: 'hint',
        text: 'Click an actor to list its relations, or a line to read every quote behind it. Double-click an actor to expand its neighbourhood. Press / to search, Escape to clear.',
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
              h('span', { class: 'detail', text: `${degree} relation${degree === 1 ? '' : 's'}` }),
            ]),
          ]),
        ),
      ),
    ]);
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
    const byType = new Map<RelationType, string[]>();
    for (const edge of this.model.edges(id)) {
      const type = this.model.getEdgeAttribute(edge, 'type');
      byType.set(type, [...(byType.get(type) ?? []), edge]);
    }
    const groups = [...byType.entries()].sort((a, b) => b[1].length - a[1].length);
    const description = h('p', { class: 'description' });
    const { mode } = this.store.get();
    fill(this.root, [
      h('h2', {}, [
        h('span', { class: 'swatch', attrs: { style: `background:${KIND_COLOURS[attrs.kind]}`, 'aria-hidden': 'true' } }),
        attrs.name,
      ]),
      h('p', { class: 'meta', text: `${attrs.kind} · ${attrs.claims} claims in view` }),
      attrs.aliases.length ? h('p', { class: 'aliases', text: `Also: ${attrs.aliases.join(', ')}` }) : null,
      description,
      h('div', { class: 'actions' }, [
        h('button', {
          text: mode === 'ego' ? 'Expand neighbourhood' : 'Explore neighbourhood',
          attrs: { type: 'button', id: 'expand-actor' },
          on: { click: () => this.actions.expand(id) },
        }),
        h('button', { text: 'Path from here', attrs: { type: 'button' }, on: { click: () => this.actions.pathEnd('from', id, attrs.name) } }),
        h('button', { text: 'Path to here', attrs: { type: 'button' }, on: { click: () => this.actions.pathEnd('to', id, attrs.name) } }),
      ]),
      h('h3', { text: 'Relations' }),
      groups.length === 0 ? h('p', { class: 'hint', text: 'No relations in the current view.' }) : null,
      ...groups.map(([type, edges]) =>
        h('section', { class: 'relation-group' }, [
          h('h4', {}, [
            h('span', { class: 'swatch line', attrs: { style: `background:${TYPE_COLOURS[type]}`, 'aria-hidden': 'true' } }),
            `${type} (${edges.length})`,
          ]),
          h('ul', { class: 'plain' }, edges.map((edge) => this.relationItem(id, edge))),
        ]),
      ),
    ]);
    try {
      const detail = await api.actor(id);
      if (request === this.request && detail.description) description.textContent = detail.description;
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
            `${attrs.claims} claim${attrs.claims === 1 ? '' : 's'}`,
            `${attrs.documents.length} doc${attrs.documents.length === 1 ? '' : 's'}`,
            strength !== 'firm' ? (strength === 'weak' ? 'alleged/speculative' : 'denied') : '',
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
    const list = h('ol', { class: 'claims', attrs: { 'aria-busy': 'true' } });
    const when = attrs.firstWhen ? `${attrs.firstWhen}${attrs.lastWhen && attrs.lastWhen !== attrs.firstWhen ? ` – ${attrs.lastWhen}` : ''}` : '';
    fill(this.root, [
      h('h2', { class: 'edge-title' }, [
        h('button', { class: 'link', text: name(source), attrs: { type: 'button' }, on: { click: () => this.select('node', source) } }),
        h('span', { class: 'relation', attrs: { style: `color:${TYPE_COLOURS[attrs.type]}` }, text: ` ${attrs.symmetric ? '↔' : '→'} ${attrs.type} ${attrs.symmetric ? '↔' : '→'} ` }),
        h('button', { class: 'link', text: name(target), attrs: { type: 'button' }, on: { click: () => this.select('node', target) } }),
      ]),
      h('p', { class: 'badges' }, [
        badge(`${attrs.claims} claim${attrs.claims === 1 ? '' : 's'}`),
        badge(`supported by ${attrs.supporting} doc${attrs.supporting === 1 ? '' : 's'}`),
        attrs.denying ? badge(`denied in ${attrs.denying}`, 'denied') : null,
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
    list.removeAttribute('aria-busy');
    list.replaceChildren(...page.items.map((claim) => this.claimItem(claim)));
    if (page.total > page.items.length) list.after(h('p', { class: 'hint', text: `${page.total - page.items.length} more claims not shown.` }));
  }

  private claimItem(claim: ClaimView): HTMLElement {
    const doc = this.documents.get(claim.document);
    return h('li', { class: `claim certainty-${claim.certainty}`, dataset: { claim: claim.id } }, [
      h(
        'button',
        {
          class: 'quote',
          attrs: { type: 'button', title: 'Open in the document reader' },
          on: { click: () => this.actions.openReader(claim.document, claim) },
        },
        [h('q', { text: claim.quote })],
      ),
      h('p', { class: 'claim-meta' }, [
        badge(claim.certainty, `certainty-${claim.certainty}`, CERTAINTY_HINT[claim.certainty]),
        claim.attributedTo ? h('span', { class: 'attributed', text: `according to ${claim.attributedTo}` }) : null,
        claim.when ? h('span', { class: 'when', text: `when: ${claim.when}` }) : null,
        claim.origin === 'extracted' ? badge(`extracted ${Math.round((claim.confidence ?? 0) * 100)}%`, 'extracted') : null,
      ]),
      h('p', { class: 'source' }, [
        h('span', { class: 'doc-title', text: claim.documentTitle }),
        h('span', { class: 'detail', text: [`grade ${claim.reliability}`, doc?.date, doc?.outlet].filter(Boolean).join(' · ') }),
      ]),
    ]);
  }
}

function badge(text: string, kind = '', title?: string): HTMLElement {
  return h('span', { class: `badge ${kind}`, text, attrs: { title } });
}

/**
 * The bar above the drawing: zoom buttons, the analyst's multi-selection with its actions,
 * and the hidden actors with a way back. It sits beside the graph, never over it.
 */
import { h } from '../dom.ts';
import type { Model } from '../model.ts';
import type { Store } from '../state.ts';
import type { Change, Panel } from './panel.ts';

export interface StageActions {
  zoom(direction: 'in' | 'out' | 'fit'): void;
  expand(ids: string[]): void;
  exportSelection(ids: string[]): void;
  clearMarked(): void;
}

export class StageBar implements Panel {
  readonly element: HTMLElement;
  private readonly marked: HTMLElement;
  private readonly hidden: HTMLElement;
  private markedIds: string[] = [];

  constructor(
    private readonly store: Store,
    private readonly model: Model,
    private readonly actions: StageActions,
  ) {
    const zoom = (direction: 'in' | 'out' | 'fit', text: string, label: string) =>
      h('button', { text, attrs: { type: 'button', 'aria-label': label, title: label, id: `zoom-${direction}` }, on: { click: () => actions.zoom(direction) } });
    this.marked = h('div', { class: 'bar-group', attrs: { 'aria-live': 'polite' } });
    this.hidden = h('div', { class: 'bar-group', attrs: { 'aria-live': 'polite' } });
    this.element = h('div', { class: 'stage-bar', attrs: { role: 'toolbar', 'aria-label': 'Graph tools' } }, [
      h('div', { class: 'bar-group' }, [zoom('in', '+', 'Zoom in'), zoom('out', '−', 'Zoom out'), zoom('fit', 'Fit', 'Fit the whole graph')]),
      this.marked,
      this.hidden,
    ]);
    this.renderHidden();
  }

  update({ state, previous }: Change): void {
    if (state.hidden !== previous.hidden) this.renderHidden();
  }

  setMarked(ids: ReadonlySet<string>): void {
    this.markedIds = [...ids];
    const n = this.markedIds.length;
    if (n === 0) {
      this.marked.replaceChildren();
      return;
    }
    const ids_ = this.markedIds;
    this.marked.replaceChildren(
      h('span', { class: 'bar-text', text: `${n} selected` }),
      h('button', { text: 'Expand', attrs: { type: 'button', id: 'marked-expand' }, on: { click: () => this.actions.expand(ids_) } }),
      h('button', { text: 'Hide', attrs: { type: 'button', id: 'marked-hide' }, on: { click: () => this.store.dispatch({ type: 'hide', ids: ids_ }) } }),
      h('button', { text: 'Export', attrs: { type: 'button', id: 'marked-export' }, on: { click: () => this.actions.exportSelection(ids_) } }),
      h('button', { text: 'Clear', attrs: { type: 'button' }, on: { click: () => this.actions.clearMarked() } }),
    );
  }

  private renderHidden(): void {
    const { hidden } = this.store.get();
    if (hidden.length === 0) {
      this.hidden.replaceChildren();
      return;
    }
    const name = (id: string) => (this.model.hasNode(id) ? this.model.getNodeAttribute(id, 'name') : id);
    this.hidden.replaceChildren(
      h('span', { class: 'bar-text', text: `${hidden.length} hidden`, attrs: { title: hidden.map(name).join(', ') } }),
      h('button', { text: 'Show all', attrs: { type: 'button', id: 'unhide-all' }, on: { click: () => this.store.dispatch({ type: 'unhide' }) } }),
    );
  }
}

/** The one shape every panel has: an element, and an update after each change of view or data. */
import type { Action, ViewState } from '../state.ts';

export interface Change {
  state: ViewState;
  previous: ViewState;
  /** The action behind the change; absent after a data load. */
  action?: Action;
  /** The graph data was reloaded. */
  loaded: boolean;
}

export interface Panel {
  readonly element: HTMLElement;
  update(change: Change): void;
}

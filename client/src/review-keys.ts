/**
 * The review queue's state and keys, kept pure like the view's reducer (state.ts): a queue of
 * extracted claims, the one under review, and what was decided. j/k move, a/r/e accept,
 * reject and correct; after a decision the next undecided claim comes up.
 */

export type Decision = 'accepted' | 'rejected' | 'corrected';
export type QueueCommand = 'next' | 'previous' | 'accept' | 'reject' | 'correct';

export interface QueueState {
  ids: readonly string[];
  index: number;
  decided: Readonly<Record<string, Decision>>;
}

export type QueueAction =
  | { type: 'load'; ids: readonly string[] }
  | { type: 'move'; by: 1 | -1 }
  | { type: 'go'; id: string }
  | { type: 'decided'; id: string; decision: Decision };

export const emptyQueue: QueueState = { ids: [], index: 0, decided: {} };

const KEYS: Record<string, QueueCommand> = { j: 'next', k: 'previous', a: 'accept', r: 'reject', e: 'correct' };

/** The command a key press stands for; none with a modifier held (Ctrl+R stays the browser's). */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return KEYS[event.key] ?? null;
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length - 1));

/** Pure: the same queue and action give the same next queue. */
export function reduceQueue(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'load': {
      // A reload keeps the claim under review when it is still queued.
      const current = state.ids[state.index];
      const kept = current === undefined ? -1 : action.ids.indexOf(current);
      const decided = Object.fromEntries(Object.entries(state.decided).filter(([id]) => action.ids.includes(id)));
      return { ids: action.ids, index: kept >= 0 ? kept : clamp(state.index, action.ids.length), decided };
    }
    case 'move':
      return { ...state, index: clamp(state.index + action.by, state.ids.length) };
    case 'go': {
      const index = state.ids.indexOf(action.id);
      return index < 0 ? state : { ...state, index };
    }
    case 'decided': {
      const from = state.ids.indexOf(action.id);
      if (from < 0) return state;
      const decided = { ...state.decided, [action.id]: action.decision };
      const after = state.ids.findIndex((id, i) => i > from && !(id in decided));
      const before = state.ids.findIndex((id) => !(id in decided));
      const index = after >= 0 ? after : before >= 0 ? before : from;
      return { ...state, decided, index };
    }
  }
}

/** The claim under review, if any. */
export const currentId = (state: QueueState): string | undefined => state.ids[state.index];

/** How many claims still wait for a decision. */
export const pending = (state: QueueState): number => state.ids.filter((id) => !(id in state.decided)).length;

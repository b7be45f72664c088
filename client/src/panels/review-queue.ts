/**
 * The review queue of one document: its extracted claims, each with its confidence and its
 * quote highlighted in the reader; accept (it becomes curated), reject (it leaves the graph
 * and stays rejected when the document is extracted again) or correct it in the claim form.
 * Keys: j/k move, a/r/e decide; the queue's own state goes through reduceQueue.
 */
import type { ClaimView } from '../../../server/domain/index.ts';
import type { AnnotationWrites } from '../annotate-api.ts';
import { api, ApiError } from '../api.ts';
import { h } from '../dom.ts';
import { TYPE_GLYPHS } from '../palette.ts';
import { commandFor, currentId, emptyQueue, pending, reduceQueue, type QueueAction, type QueueCommand, type QueueState } from '../review-keys.ts';
import { writeProblem } from './claim-form.ts';

export interface ReviewOptions {
  document: { id: string; title: string };
  writes(): AnnotationWrites | undefined;
  /** Highlight a claim's quote in the reader (focus comes back here after). */
  show(claim: ClaimView): Promise<void>;
  /** The store changed: redraw graph and reader. */
  changed(claim?: ClaimView): Promise<void>;
  /** Open the claim form on a claim; `done` gets the corrected claim, or nothing when cancelled. */
  correct(claim: ClaimView, done: (claim?: ClaimView) => void): void;
  expired(): void;
  close(): void;
}

const short = (text: string, max = 180) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export class ReviewQueue {
  readonly element: HTMLElement;
  private queue: QueueState = emptyQueue;
  private claims = new Map<string, ClaimView>();
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly buttons: Record<'accept' | 'reject' | 'correct', HTMLButtonElement>;
  private busy = false;

  constructor(private readonly options: ReviewOptions) {
    const heading = 'review-heading';
    this.list = h('ol', {
      class: 'queue',
      attrs: { role: 'listbox', 'aria-labelledby': heading, 'aria-describedby': 'review-keys', 'aria-busy': 'true' },
    });
    this.status = h('p', { class: 'queue-status', attrs: { role: 'status' } });
    this.problem = h('p', { class: 'problem', attrs: { role: 'alert' } });
    const button = (command: 'accept' | 'reject' | 'correct', text: string, key: string) =>
      h('button', {
        text,
        attrs: { type: 'button', 'aria-keyshortcuts': key, class: `review-${command}` },
        on: { click: () => void this.run(command) },
      });
    this.buttons = { accept: button('accept', 'Accept (a)', 'a'), reject: button('reject', 'Reject (r)', 'r'), correct: button('correct', 'Correct (e)', 'e') };
    this.element = h('section', { class: 'review', attrs: { 'aria-labelledby': heading } }, [
      h('div', { class: 'pane-head' }, [
        h('h2', { text: `Review: ${options.document.title}`, attrs: { id: heading, tabindex: -1 } }),
        h('button', { class: 'pane-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close the review' }, on: { click: () => options.close() } }),
      ]),
      h('p', {
        class: 'hint',
        attrs: { id: 'review-keys' },
        text: 'Extracted claims wait for a decision. Keys: j / k next and previous, a accept, r reject, e correct (type, direction, actors, certainty).',
      }),
      this.status,
      h('div', { class: 'actions review-actions' }, Object.values(this.buttons)),
      this.problem,
      this.list,
    ]);
    this.list.addEventListener('keydown', (event) => {
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      void this.run(command);
    });
  }

  /** Read the document's extracted claims and show the first. */
  async load(): Promise<void> {
    const page = await api.claims({ documents: [this.options.document.id], origin: ['extracted'], limit: 500 });
    const items = [...page.items].sort((a, b) => a.start - b.start || a.end - b.end);
    this.claims = new Map(items.map((c) => [c.id, c]));
    this.dispatch({ type: 'load', ids: items.map((c) => c.id) });
    this.list.removeAttribute('aria-busy');
    await this.showCurrent(true);
  }

  /** Keyboard focus on the claim under review (or the heading when the queue is empty). */
  focus(): void {
    const item = this.list.querySelector<HTMLElement>('[aria-selected="true"]');
    (item ?? this.element.querySelector<HTMLElement>('h2'))?.focus();
  }

  private dispatch(action: QueueAction): void {
    this.queue = reduceQueue(this.queue, action);
    this.render();
  }

  private render(): void {
    const current = currentId(this.queue);
    // Re-rendering replaces the focused item; keys pressed meanwhile (j right after a) must not fall to the page.
    const hadFocus = this.list.contains(document.activeElement);
    this.list.replaceChildren(
      ...this.queue.ids.map((id, index) => {
        const claim = this.claims.get(id)!;
        const decision = this.queue.decided[id];
        const selected = id === current;
        return h(
          'li',
          {
            class: ['queue-item', selected ? 'current' : '', decision ? `decided ${decision}` : ''].filter(Boolean).join(' '),
            dataset: { claim: id },
            attrs: { role: 'option', id: `review-item-${index}`, 'aria-selected': String(selected), tabindex: selected ? 0 : -1 },
            on: {
              click: () => {
                this.dispatch({ type: 'go', id });
                void this.showCurrent(true);
              },
            },
          },
          [
            h('span', { class: 'queue-relation' }, [
              h('strong', { text: claim.subject.name }),
              ` ${TYPE_GLYPHS[claim.type]} ${claim.type} `,
              h('strong', { text: claim.object.name }),
            ]),
            h('span', { class: 'queue-meta' }, [
              `${claim.certainty} · confidence ${Math.round((claim.confidence ?? 0) * 100)}%`,
              decision ? h('span', { class: `badge decision-${decision}`, text: decision }) : null,
            ]),
            h('q', { class: 'queue-quote', text: short(claim.quote) }),
          ],
        );
      }),
    );
    const left = pending(this.queue);
    const total = this.queue.ids.length;
    this.status.textContent =
      total === 0 ? 'This document has no extracted claims to review.' : left === 0 ? `All ${total} reviewed.` : `${left} of ${total} still to review.`;
    const decided = current === undefined || current in this.queue.decided;
    for (const b of Object.values(this.buttons)) b.disabled = decided || this.busy;
    if (hadFocus) this.focus();
  }

  /** Highlight the current claim in the reader; with `focus`, keyboard focus returns to it. */
  private async showCurrent(focus: boolean): Promise<void> {
    const id = currentId(this.queue);
    const claim = id === undefined ? undefined : this.claims.get(id);
    if (claim && !(claim.id in this.queue.decided)) await this.options.show(claim).catch(() => undefined);
    if (focus) this.focus();
    this.list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  private async run(command: QueueCommand): Promise<void> {
    if (command === 'next' || command === 'previous') {
      this.dispatch({ type: 'move', by: command === 'next' ? 1 : -1 });
      return this.showCurrent(true);
    }
    const id = currentId(this.queue);
    const claim = id === undefined ? undefined : this.claims.get(id);
    if (!claim || claim.id in this.queue.decided || this.busy) return;
    const writes = this.options.writes();
    if (!writes) {
      this.problem.textContent = 'Sign in with a token (Annotate and review, in the left column) to decide.';
      return;
    }
    this.problem.textContent = '';
    if (command === 'correct') {
      this.options.correct(claim, (corrected) => {
        if (corrected) {
          this.claims.set(claim.id, { ...corrected, id: claim.id });
          this.dispatch({ type: 'decided', id: claim.id, decision: 'corrected' });
        }
        void this.showCurrent(true);
      });
      return;
    }
    this.busy = true;
    this.render();
    try {
      const decided = await writes.review(claim.id, command, claim.revision);
      this.dispatch({ type: 'decided', id: claim.id, decision: command === 'accept' ? 'accepted' : 'rejected' });
      await this.options.changed(command === 'accept' ? decided : undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.options.expired();
      this.problem.textContent = writeProblem(error);
    } finally {
      this.busy = false;
      this.render();
    }
    await this.showCurrent(true);
  }
}

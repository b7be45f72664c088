/**
 * Who is annotating: the analyst enters a bearer token, the server says whose it is
 * (GET /api/session), and the token is kept in this tab's sessionStorage only. Without a
 * token the annotation controls say how to get one.
 */
import { annotationWrites, type AnnotationWrites } from '../annotate-api.ts';
import { ApiError } from '../api.ts';
import { h } from '../dom.ts';

const KEY = 'dyad.token';

/** What a refused session check means for the analyst. */
function refusal(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'The server does not know this token.';
  if (error instanceof ApiError && error.status === 403) return 'This server takes no writes: it was started without DYAD_API_TOKEN or DYAD_API_TOKENS.';
  if (error instanceof ApiError && error.status === 429) return 'Too many attempts: wait a minute and try again.';
  return `The token could not be checked: ${error instanceof Error ? error.message : String(error)}`;
}

export class SessionPanel {
  /** Every place the sign-in shows (the sidebar block, the annotation pane); each renders alike. */
  private readonly views: HTMLElement[] = [];
  private current?: { analyst: string; writes: AnnotationWrites };
  private readonly listeners = new Set<() => void>();
  private problem = '';

  /** The signed-in analyst's writes, or none. */
  get writes(): AnnotationWrites | undefined {
    return this.current?.writes;
  }

  get analyst(): string | undefined {
    return this.current?.analyst;
  }

  /** One more place showing the session; the ids inside are its own. */
  view(): HTMLElement {
    const element = h('div', { class: 'session' });
    this.views.push(element);
    this.render();
    return element;
  }

  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** Sign in again with the token this tab kept, if any. */
  async restore(): Promise<void> {
    const token = sessionStorage.getItem(KEY);
    if (token) await this.signIn(token);
  }

  /** A write was refused with 401: the token no longer holds. */
  expired(): void {
    this.signOut('The server no longer accepts this token: enter it again.');
  }

  /** Check a token with the server; `from` is the view to keep focus in. */
  private async signIn(token: string, from?: HTMLElement): Promise<void> {
    try {
      const writes = annotationWrites(token);
      const { analyst } = await writes.session();
      sessionStorage.setItem(KEY, token);
      this.current = { analyst, writes };
      this.problem = '';
    } catch (error) {
      sessionStorage.removeItem(KEY);
      this.current = undefined;
      this.problem = refusal(error);
    }
    this.changed(from);
  }

  private signOut(problem = '', from?: HTMLElement): void {
    sessionStorage.removeItem(KEY);
    this.current = undefined;
    this.problem = problem;
    this.changed(from);
  }

  private changed(from?: HTMLElement): void {
    this.render();
    from?.querySelector<HTMLElement>(this.current ? '.sign-out' : 'input')?.focus();
    for (const listener of this.listeners) listener();
  }

  private render(): void {
    this.views.forEach((view, i) => this.renderInto(view, `session-token-${i + 1}`));
  }

  private renderInto(element: HTMLElement, id: string): void {
    if (this.current) {
      element.replaceChildren(
        h('p', { class: 'signed-in' }, ['Annotating as ', h('strong', { text: this.current.analyst })]),
        h('button', { class: 'sign-out', text: 'Sign out', attrs: { type: 'button' }, on: { click: () => this.signOut('', element) } }),
      );
      return;
    }
    const input = h('input', { attrs: { id, type: 'password', autocomplete: 'off', 'aria-describedby': `${id}-help ${id}-problem` } });
    const form = h('form', { class: 'session-form' }, [
      h('label', { class: 'field', attrs: { for: id }, text: 'API token' }),
      h('div', { class: 'session-row' }, [input, h('button', { text: 'Sign in', attrs: { type: 'submit' } })]),
      h('p', {
        class: 'hint',
        attrs: { id: `${id}-help` },
        text: 'Making and reviewing claims needs a token: the server’s DYAD_API_TOKEN, or your own from its DYAD_API_TOKENS (ask whoever runs dyad). It is kept in this tab only.',
      }),
      h('p', { class: 'problem', attrs: { id: `${id}-problem`, role: 'alert' }, text: this.problem }),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) void this.signIn(input.value.trim(), element);
    });
    element.replaceChildren(form);
  }
}

/**
 * Annotation and review in the explorer: the "Annotate and review" block (session, the
 * reviewed-evidence toggle, a document's review queue), the pane that takes the details'
 * column for the claim form and the queue, text selection in the reader, and the edit and
 * history controls on each claim of the evidence list. Reads and writes go through
 * annotate-api.ts; view changes (the origin filter) through the store's actions.
 */
import type { ClaimView, DocumentDetail, DocumentSummary } from '../../../server/domain/index.ts';
import { annotationReads } from '../annotate-api.ts';
import { h, section } from '../dom.ts';
import { selectionSpan, type QuoteSpan } from '../quote-span.ts';
import type { Store } from '../state.ts';
import './annotate.css';
import { claimForm, type ClaimFormInput } from './claim-form.ts';
import { historyDisclosure, historyList } from './claim-history.ts';
import type { Change, Panel } from './panel.ts';
import type { Reader } from './reader.ts';
import { ReviewQueue } from './review-queue.ts';
import { SessionPanel } from './session.ts';

export interface AnnotationDeps {
  store: Store;
  reader: Reader;
  documents: DocumentSummary[];
  /** The layout grid: the pane joins it and takes the details' column while open. */
  layout: HTMLElement;
  /** The store changed: reload the graph and the reader; select the claim's relation. */
  changed(claim?: ClaimView): Promise<void>;
  say(text: string, error?: boolean): void;
}

const CURATED_ONLY = ['curated'] as const;
const relation = (c: ClaimView) => `${c.subject.name} ${c.type} ${c.object.name}`;

export class Annotation implements Panel {
  readonly element: HTMLElement;
  private readonly pane = h('aside', { class: 'sidebar right annotate-pane', attrs: { id: 'annotate', 'aria-label': 'Annotation', tabindex: -1 } });
  private readonly session = new SessionPanel();
  private readonly reviewedOnly: HTMLInputElement;
  /** Where focus goes back to when the pane closes. */
  private opener?: HTMLElement;
  /** What to do once the analyst has signed in from the pane. */
  private pending?: () => void;

  constructor(private readonly deps: AnnotationDeps) {
    this.pane.hidden = true;
    deps.layout.append(this.pane);
    this.reviewedOnly = h('input', { attrs: { type: 'checkbox', id: 'reviewed-only' } });
    this.reviewedOnly.addEventListener('change', () =>
      deps.store.dispatch({ type: 'filter', patch: { origin: this.reviewedOnly.checked ? [...CURATED_ONLY] : undefined } }),
    );
    const reviewDoc = h('select', { attrs: { id: 'review-document' } }, [
      ...deps.documents.map((d) => h('option', { text: `${d.title} (${d.reliability})`, attrs: { value: d.id } })),
    ]);
    this.element = section('Annotate and review', [
      this.session.view(),
      h('label', { class: 'inline' }, [this.reviewedOnly, ' Reviewed evidence only']),
      h('p', { class: 'hint', text: 'Shows curated and accepted claims only, leaving out what the extractor proposed.' }),
      h('label', { class: 'field', attrs: { for: 'review-document' }, text: 'Review a document’s extracted claims' }),
      reviewDoc,
      h('button', {
        text: 'Start review',
        attrs: { type: 'button', id: 'review-start' },
        on: { click: (event) => void this.review(reviewDoc.value, event.currentTarget as HTMLElement) },
      }),
      h('p', { class: 'hint', text: 'To make a claim, open a document (click a quote in the evidence) and select words of its text.' }),
    ]);
    this.element.classList.add('annotate-block');
    this.pane.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.stopPropagation();
        this.close();
      }
    });
    this.watchReader();
    this.session.onChange(() => this.pending?.());
    void this.session.restore();
    this.sync();
  }

  update({ state, previous }: Change): void {
    if (state.filters.origin !== previous.filters.origin) this.sync();
  }

  private sync(): void {
    const origin = this.deps.store.get().filters.origin;
    this.reviewedOnly.checked = origin?.length === 1 && origin[0] === 'curated';
  }

  /** Edit (or correct) and History on one claim of the evidence list. */
  claimTools(claim: ClaimView): HTMLElement {
    return h('div', { class: 'claim-tools' }, [
      h('button', {
        class: 'link claim-edit',
        text: claim.origin === 'extracted' ? 'Correct' : 'Edit',
        attrs: { type: 'button', 'aria-label': `${claim.origin === 'extracted' ? 'Correct' : 'Edit'} the claim ${relation(claim)}` },
        on: { click: (event) => void this.edit(claim.id, event.currentTarget as HTMLElement) },
      }),
      historyDisclosure(claim.id),
    ]);
  }

  /** Run `next` once the analyst is signed in: now, or after the pane's sign-in. */
  private whenSignedIn(title: string, next: () => void): void {
    if (this.session.writes) return next();
    this.pending = () => {
      if (!this.session.writes) return;
      this.pending = undefined;
      next();
    };
    this.show([
      this.head(title),
      h('p', { text: 'Sign in with your token first; the claim form opens once the server knows it.' }),
      this.session.view(),
    ]);
    this.pane.querySelector<HTMLElement>('input')?.focus();
  }

  // ---- the pane -------------------------------------------------------------------------

  private head(title: string): HTMLElement {
    return h('div', { class: 'pane-head' }, [
      h('h2', { text: title, attrs: { tabindex: -1 } }),
      h('button', { class: 'pane-close', text: '×', attrs: { type: 'button', 'aria-label': 'Close the annotation pane' }, on: { click: () => this.close() } }),
    ]);
  }

  private show(children: Node[]): void {
    if (this.pane.hidden) {
      const active = document.activeElement;
      this.opener = active instanceof HTMLElement && active !== document.body ? active : undefined;
    }
    this.pane.replaceChildren(...children);
    this.pane.hidden = false;
    this.deps.layout.classList.add('annotating');
  }

  private close(): void {
    this.pending = undefined;
    this.pane.hidden = true;
    this.pane.replaceChildren();
    this.deps.layout.classList.remove('annotating');
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = undefined;
  }

  /** After a write from the form: what was done, and the claim's history. */
  private done(claim: ClaimView, action: 'create' | 'update' | 'retract'): void {
    const title = { create: 'Claim saved', update: 'Claim changed', retract: 'Claim retracted' }[action];
    this.show([
      this.head(title),
      h('p', { class: 'saved' }, [h('strong', { text: relation(claim) }), ` (${claim.certainty}, ${claim.origin})`]),
      h('blockquote', { class: 'claim-quote', text: claim.quote }),
      h('h3', { text: 'History' }),
      historyList(claim.id),
      h('div', { class: 'actions' }, [h('button', { text: 'Close', attrs: { type: 'button' }, on: { click: () => this.close() } })]),
    ]);
    this.pane.querySelector<HTMLElement>('h2')?.focus();
    this.deps.say(`${title}: ${relation(claim)}.`);
    void this.deps.changed(action === 'retract' ? undefined : claim);
  }

  /** The claim form in the pane; `after` replaces the default ending (review corrections). */
  private openForm(input: ClaimFormInput, after?: (claim?: ClaimView) => void): void {
    const writes = this.session.writes;
    if (!writes) return;
    const form = claimForm({
      writes,
      input,
      saved: (claim, action) => (after ? after(claim) : this.done(claim, action)),
      cancel: () => (after ? after() : this.close()),
      expired: () => this.session.expired(),
    });
    this.show([form.element]);
    form.focus();
  }

  private async edit(id: string, opener: HTMLElement): Promise<void> {
    this.opener = opener;
    try {
      const claim = await annotationReads.claim(id);
      await this.deps.reader.open(claim.document, claim, opener);
      this.whenSignedIn(claim.origin === 'extracted' ? 'Correct a claim' : 'Edit a claim', () =>
        this.openForm({ document: claim.document, quote: claim.quote, start: claim.start, end: claim.end, claim }),
      );
    } catch (error) {
      this.deps.say(`The claim could not be opened: ${String(error)}`, true);
    }
  }

  // ---- the reader ------------------------------------------------------------------------

  /** Selecting words of the reader's text opens the form with them as the quote. */
  private watchReader(): void {
    const { reader } = this.deps;
    const picked = () => {
      const doc = reader.document;
      const article = document.querySelector('#reader .reader-text');
      const selection = document.getSelection();
      if (!doc || !article || !selection) return;
      const span = selectionSpan(article, doc.text, selection);
      if (!span) return;
      if ('problem' in span) return this.deps.say(span.problem, true);
      this.quote(doc, span);
    };
    // On the document: a drag may end beyond the reader's edge.
    document.addEventListener('mouseup', () => setTimeout(picked, 0));
    document.getElementById('reader')!.addEventListener('keyup', (event) => {
      if (event.shiftKey) picked();
    });
    reader.onRender = (doc, head) => this.decorate(doc, head);
  }

  private quote(doc: DocumentDetail, span: QuoteSpan): void {
    this.opener = document.querySelector<HTMLElement>('#reader .reader-close') ?? undefined;
    // The quote stays marked in the reader while the form is open (the selection goes with focus).
    this.whenSignedIn('New claim', () =>
      void this.deps.reader
        .open(doc.id, { id: '', start: span.start, end: span.end })
        .finally(() => this.openForm({ document: doc.id, ...span })),
    );
  }

  /** The reader's header: how to annotate, and this document's review queue. */
  private decorate(doc: DocumentDetail, head: HTMLElement): void {
    const extracted = doc.claims.filter((c) => c.origin === 'extracted').length;
    head.append(
      h('p', { class: 'reader-annotate' }, [
        'Select words of the text to make a claim from them. ',
        extracted
          ? h('button', {
              class: 'link reader-review',
              text: `Review ${extracted} extracted claim${extracted === 1 ? '' : 's'}`,
              attrs: { type: 'button' },
              on: { click: (event) => void this.review(doc.id, event.currentTarget as HTMLElement) },
            })
          : null,
      ]),
    );
  }

  // ---- review ----------------------------------------------------------------------------

  private async review(id: string, opener: HTMLElement): Promise<void> {
    const summary = this.deps.documents.find((d) => d.id === id);
    if (!summary) return;
    this.opener = opener;
    const { reader } = this.deps;
    if (reader.document?.id !== id) await reader.open(id, undefined, opener);
    const queue = new ReviewQueue({
      document: summary,
      writes: () => this.session.writes,
      show: async (claim) => {
        await reader.open(id, claim);
      },
      changed: (claim) => this.deps.changed(claim),
      correct: (claim, done) =>
        this.whenSignedIn('Correct a claim', () =>
          this.openForm({ document: id, quote: claim.quote, start: claim.start, end: claim.end, claim }, (corrected) => {
            this.show([queue.element]);
            done(corrected);
            if (corrected) void this.deps.changed(corrected);
          }),
        ),
      expired: () => this.session.expired(),
      close: () => this.close(),
    });
    this.show([queue.element]);
    await queue.load();
  }
}

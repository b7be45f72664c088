/**
 * The document reader: the full text with every claim's span highlighted and its actors
 * marked; text outside the article body greyed. Built from text nodes only — a document's
 * text is never parsed as HTML.
 */
import type { ClaimView, DocumentDetail } from '../../../server/domain/index.ts';
import { api } from '../api.ts';
import { h } from '../dom.ts';

interface Range {
  start: number;
  end: number;
}

/** Where a claim's subject or object is named inside its quote. */
function actorMentions(text: string, claim: ClaimView): Range[] {
  const quote = text.slice(claim.start, claim.end).toLowerCase();
  const names = [claim.subject, claim.object].flatMap((a) => [a.name, ...a.aliases]).filter((n) => n.length > 1);
  const mentions: Range[] = [];
  for (const name of names) {
    const needle = name.toLowerCase();
    for (let i = quote.indexOf(needle); i >= 0; i = quote.indexOf(needle, i + 1)) {
      const before = quote[i - 1] ?? ' ';
      const after = quote[i + needle.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      mentions.push({ start: claim.start + i, end: claim.start + i + needle.length });
    }
  }
  return mentions;
}

const covers = (range: Range, start: number, end: number) => range.start <= start && range.end >= end;
/** The text offsets a rendered segment spans (kept in its dataset). */
const spanOf = (el: HTMLElement): [number, number] => [Number(el.dataset.start), Number(el.dataset.end)];

export class Reader {
  private current?: DocumentDetail;
  /** Where focus goes back to when the reader closes. */
  private opener?: HTMLElement;
  /** After every render, with the header's text column: annotation adds its controls there. */
  onRender?: (doc: DocumentDetail, head: HTMLElement) => void;

  constructor(
    private readonly root: HTMLElement,
    private readonly onClaim: (claim: ClaimView) => void,
    /** The reader opened or closed: the layout makes room for it beside the graph. */
    private readonly onToggle: (open: boolean) => void,
  ) {}

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  /** The document shown, while the reader is open. */
  get document(): DocumentDetail | undefined {
    return this.isOpen ? this.current : undefined;
  }

  /** The document's claims changed: read it again and redraw it where it was, `focus` marked. */
  async refresh(focus?: Pick<ClaimView, 'id' | 'start' | 'end'>): Promise<void> {
    if (!this.current || !this.isOpen) return;
    this.current = await api.document(this.current.id);
    const scrolled = this.root.querySelector('.reader-text')?.scrollTop ?? 0;
    this.render(this.current, focus);
    this.root.querySelector('.reader-text')?.scrollTo({ top: scrolled });
  }

  close(): void {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.onToggle(false);
    if (this.opener?.isConnected) this.opener.focus();
    this.opener = undefined;
  }

  /** Show a document; with `focus`, highlight that claim's span and scroll it into view. */
  async open(id: string, focus?: Pick<ClaimView, 'id' | 'start' | 'end'>, opener?: HTMLElement): Promise<void> {
    if (this.current?.id !== id) this.current = await api.document(id);
    this.opener = opener ?? this.opener;
    this.render(this.current, focus);
    if (this.root.hidden) {
      this.root.hidden = false;
      this.onToggle(true);
    }
    const first = this.root.querySelector<HTMLElement>('.current');
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    } else this.root.querySelector<HTMLElement>('.reader-close')?.focus();
  }

  /** A highlight was chosen: it becomes the current one, and its relation is selected. */
  private choose(claim: ClaimView): void {
    for (const mark of this.root.querySelectorAll('.current')) mark.classList.remove('current');
    for (const mark of this.root.querySelectorAll<HTMLElement>('mark.claim')) {
      if ((mark.dataset.claims ?? '').split(' ').includes(claim.id) && covers(claim, ...spanOf(mark))) mark.classList.add('current');
    }
    this.onClaim(claim);
  }

  private render(doc: DocumentDetail, focus?: Pick<ClaimView, 'id' | 'start' | 'end'>): void {
    const { text } = doc;
    const claims = doc.claims;
    const mentions = claims.flatMap((c) => actorMentions(text, c));
    const body: Range[] = doc.body.map(([start, end]) => ({ start, end }));
    const cuts = new Set<number>([0, text.length]);
    for (const r of [...claims, ...mentions, ...body]) cuts.add(r.start).add(r.end);
    if (focus) cuts.add(focus.start).add(focus.end);
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);

    const firstSegment = new Set<string>();
    const segments: Node[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i]!, points[i + 1]!];
      const slice = text.slice(start, end);
      const covering = claims.filter((c) => covers(c, start, end)).sort((a, b) => a.end - a.start - (b.end - b.start));
      const inBody = body.length === 0 || body.some((r) => covers(r, start, end));
      const isCurrent = focus !== undefined && covers(focus, start, end);
      const mention = mentions.some((m) => covers(m, start, end));
      const innermost = covering[0];
      if (!innermost && inBody && !isCurrent) {
        segments.push(document.createTextNode(slice));
        continue;
      }
      const classes = [
        innermost ? `claim certainty-${innermost.certainty}` : '',
        covering.length > 1 ? 'overlap' : '',
        inBody ? '' : 'outside',
        isCurrent ? 'current' : '',
        mention ? 'actor' : '',
      ].filter(Boolean);
      if (!innermost) {
        segments.push(h('span', { class: classes.join(' '), text: slice }));
        continue;
      }
      const leads = !firstSegment.has(innermost.id);
      firstSegment.add(innermost.id);
      segments.push(
        h('mark', {
          class: classes.join(' '),
          text: slice,
          dataset: { claims: covering.map((c) => c.id).join(' '), start: String(start), end: String(end) },
          attrs: {
            title: covering.map((c) => `${c.subject.name} ${c.type} ${c.object.name} (${c.certainty})`).join('\n'),
            tabindex: leads || isCurrent ? 0 : undefined,
            role: 'button',
          },
          on: {
            click: () => this.choose(innermost),
            keydown: (event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                this.choose(innermost);
              }
            },
          },
        }),
      );
    }

    const meta = [doc.outlet, doc.author, doc.date, `source grade ${doc.reliability}`].filter(Boolean).join(' · ');
    this.root.replaceChildren(
      h('header', { class: 'reader-head' }, [
        h('div', {}, [
          h('h2', { attrs: { id: 'reader-title' }, text: doc.title }),
          h('p', { class: 'meta', text: meta }),
          doc.reliabilityNote ? h('p', { class: 'hint', text: doc.reliabilityNote }) : null,
          h('p', { class: 'reader-key' }, [
            h('mark', { class: 'claim certainty-asserted', text: 'claim' }),
            ' ',
            h('mark', { class: 'claim certainty-alleged', text: 'alleged / speculative' }),
            ' ',
            h('mark', { class: 'claim certainty-denied', text: 'denied' }),
            ' ',
            h('span', { class: 'actor', text: 'actor named' }),
            ' ',
            h('span', { class: 'outside', text: 'not article text' }),
            ` · ${claims.length} claims — click a highlight to select its relation`,
          ]),
        ]),
        h('button', {
          class: 'reader-close',
          text: '×',
          attrs: { type: 'button', 'aria-label': 'Close the document reader' },
          on: { click: () => this.close() },
        }),
      ]),
      h('article', { class: 'reader-text', attrs: { 'aria-labelledby': 'reader-title', lang: doc.language } }, segments),
    );
    this.onRender?.(doc, this.root.querySelector<HTMLElement>('.reader-head > div')!);
  }
}

/**
 * Finds a quote in its document. Quotes are verbatim: curly apostrophes stay curly. When a
 * quote only matches after folding typography, the error says so, since that is the usual slip.
 */
import type { Span } from '../domain/index.ts';

export type Located = { ok: true; start: number; end: number } | { ok: false; reason: string };

/** Positions of every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const fold = (s: string): string =>
  s
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');

/** Locates the n-th (1-based, default first) occurrence of `quote` and checks it lies in the article body. */
export function locateQuote(text: string, quote: string, body: Span[], occurrence = 1): Located {
  const hits = occurrences(text, quote);
  if (hits.length === 0) {
    const folded = fold(quote);
    const typographic = folded.length > 0 && fold(text).includes(folded);
    return {
      ok: false,
      reason: typographic
        ? 'quote not found verbatim: it differs from the text only in apostrophes, quotation marks, dashes or spacing (copy them from the text)'
        : 'quote not found in the document text',
    };
  }
  const start = hits[occurrence - 1];
  if (start === undefined) {
    return { ok: false, reason: `occurrence ${occurrence} asked for, but the quote occurs ${hits.length} time(s)` };
  }
  const end = start + quote.length;
  if (!body.some(([s, e]) => start >= s && end <= e)) {
    return { ok: false, reason: `quote at ${lineOf(text, start)} lies outside the article text (see the document's body rule)` };
  }
  return { ok: true, start, end };
}

/** "line N" of an offset, for messages. */
export function lineOf(text: string, offset: number): string {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return `line ${line}`;
}

/**
 * A claim's quote from what the analyst selected in the reader: the selection's two ends as
 * offsets into the document text, whitespace trimmed off both ends, and the result checked
 * against the text so the quote is always the exact span the server will verify.
 */

export interface QuoteSpan {
  start: number;
  end: number;
  quote: string;
}

/** The longest quote a claim takes: a few sentences, never a whole page by accident. */
export const MAX_QUOTE = 2000;

/**
 * The span of `text` between two selection offsets (in either order). `selected` is what the
 * browser says was selected; when given, the span must read the same, whitespace aside.
 */
export function quoteSpan(text: string, a: number, b: number, selected?: string): QuoteSpan | { problem: string } {
  if (!Number.isInteger(a) || !Number.isInteger(b)) return { problem: 'The selection is not inside the document text.' };
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(text.length, Math.max(a, b));
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end <= start) return { problem: 'Select a few words of the document to quote.' };
  if (end - start > MAX_QUOTE) return { problem: `A quote is at most ${MAX_QUOTE} characters; this selection has ${end - start}.` };
  const quote = text.slice(start, end);
  if (selected !== undefined && squash(selected) !== squash(quote)) {
    return { problem: 'The selection does not match the document text; select within the text of the reader.' };
  }
  return { start, end, quote };
}

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

/**
 * The text offset of a DOM boundary point inside `root`, whose text content is the document
 * text (the reader renders it as text nodes only). Undefined when the point lies outside.
 */
export function textOffset(root: Node, node: Node, offset: number): number | undefined {
  if (node !== root && !root.contains(node)) return undefined;
  const range = root.ownerDocument!.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The span a DOM selection covers inside `root`, or why it cannot be a quote. */
export function selectionSpan(root: Node, text: string, selection: Selection): QuoteSpan | { problem: string } | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = textOffset(root, range.startContainer, range.startOffset);
  const end = textOffset(root, range.endContainer, range.endOffset);
  if (start === undefined && end === undefined) return null;
  if (start === undefined || end === undefined) return { problem: 'Select within the text of the document only.' };
  return quoteSpan(text, start, end, range.toString());
}

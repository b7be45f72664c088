/**
 * Which spans of a captured page are the article (DocumentMeta.body): everything, or the lines
 * between `startAfter` and `endBefore` less those matching `excludeLines`.
 */
import type { BodyRule, Span } from '../domain/index.ts';

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), start, end: start + raw.length });
    start += raw.length + 1;
  }
  return lines;
}

/** Article spans, or a reason the rule does not fit the text. */
export function articleBody(text: string, rule?: BodyRule): { spans: Span[] } | { error: string } {
  if (!rule) return { spans: [[0, text.length]] };
  const lines = splitLines(text);
  let first = 0;
  if (rule.startAfter !== undefined) {
    const at = lines.findIndex((l) => l.text.trim() === rule.startAfter);
    if (at === -1) return { error: `body.startAfter: no line reads '${rule.startAfter}'` };
    first = at + 1;
  }
  let last = lines.length;
  if (rule.endBefore !== undefined) {
    const at = lines.findIndex((l, i) => i >= first && l.text.trim() === rule.endBefore);
    if (at === -1) return { error: `body.endBefore: no line after the start reads '${rule.endBefore}'` };
    last = at;
  }
  let patterns: RegExp[];
  try {
    patterns = rule.excludeLines.map((p) => new RegExp(p, 'u'));
  } catch (e) {
    return { error: `body.excludeLines: ${(e as Error).message}` };
  }
  const spans: Span[] = [];
  for (const line of lines.slice(first, last)) {
    if (line.text.trim() === '' || patterns.some((p) => p.test(line.text))) continue;
    const previous = spans.at(-1);
    // Consecutive article lines form one span, newline included, so a quote may cross them.
    if (previous && text.slice(previous[1], line.start).trim() === '') previous[1] = line.end;
    else spans.push([line.start, line.end]);
  }
  return { spans };
}

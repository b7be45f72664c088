import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleBody } from '../../server/ingest/article-body.ts';
import { locateQuote, occurrences } from '../../server/ingest/quote-locator.ts';
import { DocumentMeta } from '../../server/domain/index.ts';
import { parse } from 'yaml';

const load = (id: string) => {
  const text = readFileSync(`seeds/${id}.txt`, 'utf8');
  const meta = DocumentMeta.parse(parse(readFileSync(`seeds/${id}.meta.yaml`, 'utf8')));
  const body = articleBody(text, meta.body);
  if (!('spans' in body)) throw new Error(body.error);
  return { text, spans: body.spans };
};

describe('locateQuote', () => {
  const doc000 = load('000_cfc134b66c6808e2');
  const doc002 = load('002_51eec4bc261835c7');

  it('finds a quote with curly apostrophes verbatim and returns offsets into the text', () => {
    const quote = 'demonstrated the group’s ability to execute a high-casualty attack';
    const found = locateQuote(doc000.text, quote, doc000.spans);
    expect(found.ok).toBe(true);
    if (found.ok) expect(doc000.text.slice(found.start, found.end)).toBe(quote);
  });

  it('rejects a straight apostrophe where the text has a curly one, and says why', () => {
    const found = locateQuote(doc000.text, "demonstrated the group's ability", doc000.spans);
    expect(found).toMatchObject({ ok: false });
    if (!found.ok) expect(found.reason).toMatch(/apostrophes/);
  });

  it('resolves a repeated passage to its first occurrence, or the one the claim names', () => {
    const quote = 'The Taliban support the TTP for three main reasons.';
    expect(occurrences(doc002.text, quote)).toHaveLength(2);
    const first = locateQuote(doc002.text, quote, doc002.spans);
    expect(first.ok && first.start).toBe(doc002.text.indexOf(quote));
    // The second copy lies in the repeated body, which is not article text.
    const second = locateQuote(doc002.text, quote, doc002.spans, 2);
    expect(second).toMatchObject({ ok: false });
    if (!second.ok) expect(second.reason).toMatch(/outside the article/);
    const third = locateQuote(doc002.text, quote, doc002.spans, 3);
    if (!third.ok) expect(third.reason).toMatch(/occurs 2 time/);
  });

  it('refuses quotes from teaser lines that are not article text', () => {
    const found = locateQuote(doc000.text, 'Pakistan’s Principled Response to Indian Military Provocations', doc000.spans);
    expect(found).toMatchObject({ ok: false });
  });

  it('reports a quote that is not in the text', () => {
    expect(locateQuote(doc000.text, 'the Taliban signed a treaty', doc000.spans)).toMatchObject({ ok: false });
  });
});

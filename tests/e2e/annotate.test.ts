/**
 * Annotate and review (issue 12) in real headless Chromium over the seed corpus and the real
 * API with a named token: a sentence selected in the reader becomes a claim between a new
 * actor and a known one, and its edge is drawn at once; a newly posted document's extracted
 * claims are reviewed with the keyboard (accept, reject, correct the direction); a claim is
 * edited, retracted, and its history read. axe-core finds nothing serious in these panels.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimPage, ClaimResponse, type ClaimView } from '../../server/domain/index.ts';
import { settled, shot, startStage, type Stage } from './harness.ts';

const TOKEN = 'e2e-token-of-alice';
/** expect.poll with room for a loaded machine (its default gives up after a second). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });
const DOC_004 = '004_8d7461f0818b03b9';
/** A sentence of 004, with the no-break space the text has in it. */
const TIP_SENTENCE =
  'There are credible reports some deeply worrying\u00a0 that Uyghur militants linked to the TIP are assisting BLA cadres with drone know-how and improvised explosive techniques aimed at Chinese interests in the region.';
const POSTED = {
  id: 'e2e-border-report',
  title: 'Border report (e2e)',
  reliability: 'C',
  text:
    'Islamabad, 3 March 2025. Pakistan accused the Afghan Taliban of sheltering the TTP along the border. ' +
    'The TTP clashed with Pakistani security forces in Khyber. Iran supports the Afghan Taliban, officials said. ' +
    'The Afghan Taliban counters Islamic State Khorasan Province in Kunar.\n',
};

describe('annotate and review', { timeout: 180_000 }, () => {
  let stage: Stage;
  let axeSource: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${stage.baseUrl}/api/${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const claims = async (query: string): Promise<ClaimView[]> => ClaimPage.parse((await call('GET', `claims?${query}`)).body).items;

  beforeAll(async () => {
    stage = await startStage({ DYAD_API_TOKENS: `alice=${TOKEN},bob=e2e-token-of-bob` });
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });
  afterAll(async () => {
    await stage?.close();
  });

  async function axe(page: Page, where: string, include: string[]): Promise<void> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const { violations } = await page.evaluate(
      (include) => window.axe.run({ include: include.map((s) => [s]) } as unknown as Document, { resultTypes: ['violations'] }),
      include,
    );
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave.map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  async function open(query = '') {
    const { page, errors } = await stage.page(1440, 900);
    await page.goto(`${stage.baseUrl}/${query}`);
    await settled(page);
    return { page, errors };
  }

  /** Sign in from the sidebar; `wrongFirst`: a wrong token is refused first (the browser logs its 401). */
  async function signIn(page: Page, wrongFirst = false): Promise<void> {
    const block = page.locator('.annotate-block');
    if (wrongFirst) {
      await block.getByLabel('API token').fill('not-a-token');
      await block.getByRole('button', { name: 'Sign in' }).click();
      await poll(() => block.locator('.problem').textContent()).toContain('does not know this token');
    }
    await block.getByLabel('API token').fill(TOKEN);
    await block.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => block.locator('.signed-in').textContent()).toBe('Annotating as alice');
  }

  /** Drag the mouse over a sentence of the reader's text, as an analyst selects it. */
  async function selectInReader(page: Page, sentence: string): Promise<{ start: number; end: number }> {
    const at = await page.evaluate((sentence) => {
      const article = document.querySelector('#reader .reader-text')!;
      const start = article.textContent!.indexOf(sentence);
      if (start < 0) throw new Error('the sentence is not in the reader');
      const point = (offset: number): [Node, number] => {
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (seen + length > offset) return [node, offset - seen];
          seen += length;
        }
        throw new Error('offset past the text');
      };
      const range = document.createRange();
      range.setStart(...point(start));
      range.setEnd(...point(start + sentence.length - 1));
      article.scrollTop += range.getBoundingClientRect().top - article.getBoundingClientRect().top - 80;
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const [first, last] = [rects[0]!, rects.at(-1)!];
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right + 4, y2: last.top + last.height / 2, start };
    }, sentence);
    await page.mouse.move(at.x1, at.y1);
    await page.mouse.down();
    await page.mouse.move(at.x2, at.y2, { steps: 12 });
    await page.mouse.up();
    return { start: at.start, end: at.start + sentence.length };
  }

  it('makes a claim from a sentence selected in the reader, between a new actor and a known one, and draws its edge', async () => {
    const { page, errors } = await open(`?documents=${DOC_004}&sel=e:${encodeURIComponent('afghan-taliban|SUPPORTS|ttp')}`);
    await signIn(page, true);
    // The reader opens from a quote of the evidence.
    await page.locator('#details .claims .quote').first().click();
    await page.locator('#reader:not([hidden]) .reader-text').waitFor();
    await poll(() => page.locator('#reader .reader-annotate').textContent()).toContain('Select words');

    const span = await selectInReader(page, TIP_SENTENCE);
    const form = page.locator('#annotate .claim-form');
    await form.waitFor();
    await expect(form.locator('blockquote').textContent()).resolves.toBe(TIP_SENTENCE);
    await expect(form.locator('figcaption').textContent()).resolves.toBe(`characters ${span.start}–${span.end} of the document`);
    await axe(page, 'claim form', ['#annotate', '#reader']);

    // Subject: a new actor; object: a known one found by its alias.
    const subject = form.locator('.side-subject');
    await subject.getByRole('button', { name: 'New actor…' }).click();
    await subject.getByLabel('Name').fill('TIP drone unit');
    await subject.getByLabel('Kind').selectOption('group');
    await subject.getByLabel('Aliases').fill('TIP drone experts, Uyghur drone cell');
    await subject.getByRole('button', { name: 'Add actor' }).click();
    await poll(() => subject.locator('.chosen').textContent()).toBe('TIP drone unit (group)');
    const object = form.locator('.side-object');
    await object.getByRole('combobox').fill('BLA');
    await object.locator('.suggestion').first().waitFor();
    await object.getByRole('combobox').press('Enter');
    await poll(() => object.locator('.chosen').textContent()).toBe('Balochistan Liberation Army (group)');
    // Only the types a group-to-group claim may take are offered.
    const offered = await form.getByLabel('Relation type').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('SUPPORTS');
    expect(offered).not.toContain('OPERATES_IN');
    expect(offered).not.toContain('LOCATED_IN');
    await form.getByLabel('Relation type').selectOption('SUPPORTS');
    await form.getByLabel('Certainty').selectOption('reported');
    await form.getByLabel('Attributed to').fill('credible reports');
    await shot(page, 'a01-claim-form');
    await form.getByRole('button', { name: 'Save claim' }).click();

    await poll(() => page.locator('#annotate h2').textContent()).toBe('Claim saved');
    const [made] = await claims('subject=tip-drone-unit&object=bla');
    expect(made).toMatchObject({ type: 'SUPPORTS', origin: 'curated', certainty: 'reported', quote: TIP_SENTENCE, start: span.start, end: span.end });
    // The edge is drawn and selected at once; the reader marks the new claim.
    await page.waitForFunction(() => window.__dyad.graph.hasNode('tip-drone-unit') && window.__dyad.state.selection?.kind === 'edge');
    const selected = await page.evaluate(() => {
      const { graph, state } = window.__dyad;
      return graph.extremities(state.selection!.id);
    });
    expect(selected).toEqual(['tip-drone-unit', 'bla']);
    await page.locator(`#reader mark[data-claims~="${made!.id}"]`).first().waitFor();
    await poll(() => page.locator('#annotate .history-entry').first().textContent()).toContain('alice created');
    await settled(page);
    await shot(page, 'a02-claim-saved');
    await axe(page, 'saved claim', ['#annotate']);
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    await page.context().close();
  });

  it('reviews a newly posted document: accepts one, rejects one, corrects the direction of one, with the keyboard', async () => {
    const posted = await call('POST', 'documents', POSTED);
    expect(posted.status).toBe(201);
    const extracted = await claims(`documents=${POSTED.id}&origin=extracted`);
    expect(extracted.length).toBeGreaterThanOrEqual(3);
    const find = (s: string, type: string, o: string) => extracted.find((c) => c.subject.id === s && c.type === type && c.object.id === o)!;
    const accuse = find('pakistan', 'ACCUSES', 'afghan-taliban');
    const wrong = find('is-k', 'OPERATES_IN', 'kunar');
    const clash = find('ttp', 'CLASHES_WITH', 'pakistan');
    expect([accuse, wrong, clash].every(Boolean)).toBe(true);

    const { page, errors } = await open();
    await signIn(page);
    await page.locator('#review-document').selectOption(POSTED.id);
    await page.locator('#review-start').click();
    const queue = page.locator('#annotate .queue');
    await queue.locator('[aria-selected="true"]').waitFor();
    await poll(() => queue.locator('li').count()).toBe(extracted.length);
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');
    await axe(page, 'review queue', ['#annotate', '#reader']);

    /** Walk with j/k to a claim, checking the reader highlights its quote. */
    const goTo = async (claim: ClaimView) => {
      const ids = await queue.locator('li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.claim));
      const current = await queue.locator('[aria-selected="true"]').getAttribute('data-claim');
      let steps = ids.indexOf(claim.id) - ids.indexOf(current!);
      for (; steps > 0; steps--) await page.keyboard.press('j');
      for (; steps < 0; steps++) await page.keyboard.press('k');
      await poll(() => queue.locator('[aria-selected="true"]').getAttribute('data-claim')).toBe(claim.id);
      await poll(() => page.$$eval('#reader .reader-text .current', (els) => els.map((e) => e.textContent).join(''))).toBe(claim.quote);
    };

    await goTo(accuse);
    await page.keyboard.press('a');
    await poll(() => queue.locator(`[data-claim="${accuse.id}"] .badge`).textContent()).toBe('accepted');
    await goTo(wrong);
    await page.keyboard.press('r');
    await poll(() => queue.locator(`[data-claim="${wrong.id}"] .badge`).textContent()).toBe('rejected');
    await goTo(clash);
    await shot(page, 'a03-review-queue');
    await page.keyboard.press('e');
    const form = page.locator('#annotate .claim-form');
    await form.waitFor();
    await expect(form.locator('h2').textContent()).resolves.toBe('Correct an extracted claim');
    await form.getByRole('button', { name: /Swap subject and object/ }).click();
    await poll(() => form.locator('.side-subject .chosen').textContent()).toContain('Pakistan');
    await form.getByRole('button', { name: 'Save correction' }).click();
    await poll(() => queue.locator(`[data-claim="${clash.id}"] .badge`).textContent()).toBe('corrected');
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');

    // The store agrees: accepted and corrected claims are curated, the rejected one is gone.
    const now = await claims(`documents=${POSTED.id}&limit=100`);
    expect(now.find((c) => c.id === accuse.id)).toMatchObject({ origin: 'curated' });
    expect(now.find((c) => c.id === wrong.id)).toBeUndefined();
    expect(now.find((c) => c.subject.id === 'pakistan' && c.type === 'CLASHES_WITH' && c.object.id === 'ttp')).toMatchObject({ origin: 'curated' });
    expect(now.find((c) => c.subject.id === 'ttp' && c.type === 'CLASHES_WITH' && c.object.id === 'pakistan')).toBeUndefined();

    // Reviewed evidence only: a filter of the view, kept in the URL.
    await page.locator('#annotate .pane-close').click();
    await page.locator('#reader .reader-close').click();
    await page.locator('#reviewed-only').check();
    await page.waitForFunction(() => window.__dyad.state.filters.origin?.join() === 'curated');
    expect(new URL(page.url()).searchParams.get('origin')).toBe('curated');
    await settled(page);
    // The posted document alone: reviewed, only what was accepted or corrected; else also the rest.
    const edgesOf = async (query: string) => {
      const { page: other } = await open(query);
      const edges = await other.evaluate(() => window.__dyad.graph.edges().sort());
      await other.context().close();
      return edges;
    };
    await expect(edgesOf(`?documents=${POSTED.id}&origin=curated`)).resolves.toEqual(['pakistan|ACCUSES|afghan-taliban', 'pakistan|CLASHES_WITH|ttp']);
    const all = await edgesOf(`?documents=${POSTED.id}`);
    expect(all).toEqual(expect.arrayContaining(['pakistan|ACCUSES|afghan-taliban', 'pakistan|CLASHES_WITH|ttp', 'iran|SUPPORTS|afghan-taliban']));
    expect(all).not.toContain('is-k|OPERATES_IN|kunar');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('edits and retracts a claim with the same form, and shows its history', async () => {
    const text = ((await call('GET', `documents/${DOC_004}`)).body as { text: string }).text;
    const quote = 'Iran sees trade and transit under threat.';
    const start = text.indexOf(quote);
    const created = await call('POST', 'claims', { document: DOC_004, subject: 'iran', type: 'SUPPORTS', object: 'bla', certainty: 'asserted', quote, start, end: start + quote.length });
    expect(created.status).toBe(201);
    const made = ClaimResponse.parse(created.body).claim;
    const { page, errors } = await open(`?sel=e:${encodeURIComponent('iran|SUPPORTS|bla')}`);
    await signIn(page);
    const item = page.locator(`#details li[data-claim="${made.id}"]`);
    await item.getByRole('button', { name: /^Edit the claim/ }).click();
    const form = page.locator('#annotate .claim-form');
    await form.waitFor();
    await expect(form.locator('h2').textContent()).resolves.toBe('Edit a claim');
    await form.getByLabel('Certainty').selectOption('alleged');
    await form.getByLabel('When').fill('2025-09');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => page.locator('#annotate h2').textContent()).toBe('Claim changed');
    const entries = page.locator('#annotate .history-entry');
    await poll(() => entries.count()).toBe(2);
    await expect(entries.nth(0).textContent()).resolves.toContain('alice created');
    await expect(entries.nth(1).textContent()).resolves.toContain('alice edited');
    await expect(entries.nth(1).textContent()).resolves.toContain('certainty: asserted → alleged');
    await shot(page, 'a04-claim-history');
    await axe(page, 'history', ['#annotate']);

    // The evidence list shows the history too, and retracting goes through the same form.
    await page.locator('#annotate .pane-close').click();
    await settled(page);
    const edited = page.locator('#details li.claim').filter({ hasText: quote });
    await edited.locator('.claim-history summary').click();
    await poll(() => edited.locator('.history-entry').count()).toBe(2);
    await edited.getByRole('button', { name: /^Edit the claim/ }).click();
    await form.waitFor();
    await form.getByRole('button', { name: 'Retract claim' }).click();
    await form.getByRole('button', { name: 'Press again to retract' }).click();
    await poll(() => page.locator('#annotate h2').textContent()).toBe('Claim retracted');
    await poll(() => entries.count()).toBe(3);
    await expect(entries.nth(2).textContent()).resolves.toContain('alice retracted');
    await page.waitForFunction(() => !window.__dyad.graph.hasEdge('iran|SUPPORTS|bla'));
    await expect(claims('subject=iran&object=bla&type=SUPPORTS')).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/**
 * The explorer in real headless Chromium against the real API over the seed corpus:
 * graph, alias search, evidence, reader, filters, comparison, URL state, keyboard.
 * Each step leaves a screenshot in tests/output/e2e/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../helpers/seed.ts';
import { settled, shot, startStage, type Stage } from './harness.ts';

const edgeSummary = (page: Page) =>
  page.evaluate(() =>
    window.__dyad.graph.mapEdges((key, a) => ({ key, type: a.type, documents: a.documents, side: a.side })),
  );

describe('the explorer', () => {
  let stage: Stage;
  let page: Page;
  let errors: string[];
  let seedTexts: Map<string, string>;
  let quote = '';

  beforeAll(async () => {
    stage = await startStage();
    ({ page, errors } = await stage.page(1280, 720));
    const files = (await readdir(seedsDir)).filter((f) => f.endsWith('.txt'));
    seedTexts = new Map(
      await Promise.all(files.map(async (f) => [f.replace(/\.txt$/, ''), await readFile(join(seedsDir, f), 'utf8')] as const)),
    );
  });

  afterAll(async () => {
    await stage?.close();
  });

  it('loads the seeds and draws the graph', async () => {
    await page.goto(stage.baseUrl);
    await settled(page);
    const { order, size } = await page.evaluate(() => ({ order: window.__dyad.graph.order, size: window.__dyad.graph.size }));
    expect(order).toBeGreaterThan(10);
    expect(size).toBeGreaterThan(10);
    // Sigma's WebGL layers and its label canvas are in place and sized.
    const canvases = await page.$$eval('#graph canvas', (list) => list.map((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]));
    expect(canvases.length).toBeGreaterThanOrEqual(3);
    for (const [width, height] of canvases) expect(width! * height!).toBeGreaterThan(0);
    await expect(page.textContent('#status')).resolves.toContain(`${order} actors`);
    await shot(page, '01-graph');
    expect(errors).toEqual([]);
  });

  it('finds IS-K by the alias "ISKP" and selects it', async () => {
    await page.keyboard.press('/');
    await page.keyboard.type('ISKP');
    const option = page.locator('.suggestion', { hasText: 'Islamic State Khorasan Province' }).first();
    await option.waitFor();
    await expect(option.textContent()).resolves.toContain('ISKP');
    await shot(page, '02-search');
    await page.keyboard.press('Enter');
    await page.locator('#details h2', { hasText: 'Islamic State Khorasan Province' }).waitFor();
    const selection = await page.evaluate(() => window.__dyad.state.selection);
    expect(selection).toEqual({ kind: 'node', id: 'is-k' });
    await expect(page.locator('.relation-group').count()).resolves.toBeGreaterThan(1);
    await page.waitForTimeout(500); // the camera glides to the actor
    await shot(page, '03-selected');
  });

  it("opens an edge's evidence, quoting the seed text", async () => {
    await page.locator('.relation-group button.link').first().click();
    const first = page.locator('#details .claims li.claim').first();
    await first.waitFor();
    const selection = await page.evaluate(() => window.__dyad.state.selection);
    expect(selection?.kind).toBe('edge');
    quote = (await first.locator('q').textContent()) ?? '';
    expect(quote.length).toBeGreaterThan(10);
    expect([...seedTexts.values()].some((text) => text.includes(quote))).toBe(true);
    await expect(first.locator('.doc-title').textContent()).resolves.not.toBe('');
    await shot(page, '04-evidence');
  });

  it('opens the reader from the quote with exactly that span highlighted', async () => {
    await page.locator('#details .claims li.claim .quote').first().click();
    await page.locator('#reader:not([hidden]) .current').first().waitFor();
    const highlighted = await page.$$eval('#reader .reader-text .current', (spans) => spans.map((s) => s.textContent).join(''));
    expect(highlighted).toBe(quote);
    // Scrolled into view inside the reader.
    const inView = await page.$eval('#reader .reader-text .current', (el) => {
      const box = el.getBoundingClientRect();
      const pane = el.closest('.reader-text')!.getBoundingClientRect();
      return box.top >= pane.top && box.bottom <= pane.bottom;
    });
    expect(inView).toBe(true);
    // Text outside the article body is greyed, never dropped: the reader shows the whole text.
    const shown = await page.$eval('#reader .reader-text', (el) => el.textContent);
    expect([...seedTexts.values()]).toContain(shown);
    await shot(page, '05-reader');
  });

  it('selects the relation of a span clicked in the reader', async () => {
    const before = await page.evaluate(() => window.__dyad.state.selection);
    // A span of another relation than the one selected.
    const index = await page.$$eval('#reader .reader-text mark.claim', (marks) => {
      const line = (m: Element) => (m.getAttribute('title') ?? '').split('\n')[0]!.replace(/ \([a-z]+\)$/, '');
      const current = line(marks.find((m) => m.classList.contains('current'))!);
      return marks.findIndex((m) => line(m) !== current);
    });
    expect(index).toBeGreaterThanOrEqual(0);
    const mark = page.locator('#reader .reader-text mark.claim').nth(index);
    const title = (await mark.getAttribute('title')) ?? '';
    await mark.click();
    await page.waitForFunction((previous) => {
      const selection = window.__dyad.state.selection;
      return selection?.kind === 'edge' && selection.id !== previous;
    }, before?.id);
    const type = await page.evaluate(() => window.__dyad.graph.getEdgeAttribute(window.__dyad.state.selection!.id, 'type'));
    expect(title.split('\n')[0]).toContain(` ${type} `);
    await page.keyboard.press('Escape');
    await expect(page.locator('#reader').isHidden()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => window.__dyad.state.selection)).resolves.toBeNull();
  });

  it('filters to one document and keeps only its relations', async () => {
    const before = await edgeSummary(page);
    const row = page.locator('[data-filter="documents"] li').nth(1);
    const title = await row.locator('.check-label').textContent();
    await row.locator('button.only').click();
    await page.waitForFunction(() => window.__dyad.state.filters.documents?.length === 1);
    await settled(page);
    const [document] = await page.evaluate(() => window.__dyad.state.filters.documents!);
    const after = await edgeSummary(page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    for (const edge of after) expect(edge.documents).toEqual([document]);
    expect(page.url()).toContain(`documents=${document}`);
    expect(title).toBeTruthy();
    await shot(page, '06-one-document');

    // The link reproduces the view: same filters, same relations.
    const { page: second, errors: secondErrors } = await stage.page(1280, 720);
    await second.goto(page.url());
    await settled(second);
    const reproduced = await edgeSummary(second);
    expect(reproduced.map((e) => e.key).sort()).toEqual(after.map((e) => e.key).sort());
    await expect(second.isChecked('[data-filter="documents"] li:nth-child(1) input')).resolves.toBe(false);
    expect(secondErrors).toEqual([]);
    await second.context().close();

    await page.getByRole('button', { name: 'Reset filters' }).click();
    await page.waitForFunction(() => window.__dyad.state.filters.documents === undefined);
    await settled(page);
    await expect(edgeSummary(page)).resolves.toHaveLength(before.length);
  });

  it('compares two sources, colouring relations by side', async () => {
    await page.locator('.tools summary', { hasText: 'Compare two sources' }).click();
    const ids = await page.$$eval('#compare-a option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await page.selectOption('#compare-a', ids[0]!);
    await page.selectOption('#compare-b', ids[1]!);
    await page.click('#compare-run');
    await page.waitForFunction(() => window.__dyad.state.mode === 'compare');
    await settled(page);
    const edges = await edgeSummary(page);
    expect(edges.length).toBeGreaterThan(0);
    const sides = new Set(edges.map((e) => e.side));
    expect([...sides].every((s) => ['a', 'b', 'both', 'contradicted'].includes(s!))).toBe(true);
    for (const edge of edges) expect(edge.documents.every((d) => d === ids[0] || d === ids[1])).toBe(true);
    await page.locator('#legend summary').click();
    await expect(page.locator('#legend').textContent()).resolves.toContain('only in source A');
    expect(page.url()).toContain('mode=compare');
    await shot(page, '07-compare');
    expect(errors).toEqual([]);
  });

  it('finds the paths between two actors', async () => {
    await page.locator('.tools summary', { hasText: 'Find paths' }).click();
    const ends: [string, string, string][] = [
      ['Path from actor', 'TTP', 'Tehrik-i-Taliban Pakistan'],
      ['Path to actor', 'China', 'China'],
    ];
    for (const [label, typed, name] of ends) {
      const input = page.getByRole('combobox', { name: label });
      await input.fill(typed);
      await page.locator('.suggestion', { hasText: name }).first().waitFor();
      await input.press('Enter');
    }
    await page.waitForFunction(() => window.__dyad.state.mode === 'paths');
    await settled(page);
    const nodes = await page.evaluate(() => window.__dyad.graph.nodes());
    expect(nodes).toEqual(expect.arrayContaining(['ttp', 'china']));
    expect(page.url()).toContain('pf=ttp');
    await shot(page, '08-paths');
    expect(errors).toEqual([]);
  });

  it('reads at 1920×1080 with the legend open', async () => {
    const { page: wide, errors: wideErrors } = await stage.page(1920, 1080);
    await wide.goto(stage.baseUrl);
    await settled(wide);
    await expect(wide.locator('#legend details').getAttribute('open')).resolves.not.toBeNull();
    await shot(wide, '09-wide');
    expect(wideErrors).toEqual([]);
    await wide.context().close();
  });
});

/**
 * The explorer as an analyst's workbench (issue 10), in real headless Chromium over the seed
 * corpus: views that can be trusted (empty selections, reproducible links, history, denials,
 * nothing over the graph), readability and accessibility (axe-core, keyboard), and the
 * gestures analysts expect (hover, drag-pin, hide, lasso, menus, timeline, exports).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgePoint, settled, shot, startStage, type Stage } from './harness.ts';

const DOC_004 = '004_8d7461f0818b03b9';
const TALIBAN_SUPPORTS_TTP = 'afghan-taliban|SUPPORTS|ttp';

/** Where every drawn actor is on screen, in CSS pixels of the graph container. */
const screenPositions = (page: Page) =>
  page.evaluate(() => {
    const { graph, renderer } = window.__dyad;
    const out: Record<string, { x: number; y: number }> = {};
    graph.forEachNode((node) => {
      const d = renderer.getNodeDisplayData(node);
      if (d && !d.hidden) out[node] = renderer.framedGraphToViewport(d);
    });
    return out;
  });

/** The largest distance between the same actors in two pictures. */
function maxShift(a: Record<string, { x: number; y: number }>, b: Record<string, { x: number; y: number }>): number {
  const shared = Object.keys(a).filter((k) => k in b);
  expect(shared.length).toBeGreaterThan(0);
  return Math.max(...shared.map((k) => Math.hypot(a[k]!.x - b[k]!.x, a[k]!.y - b[k]!.y)));
}

/** A point on the page over an actor. */
async function actorPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  const p = await page.evaluate((node) => window.__dyad.renderer.framedGraphToViewport(window.__dyad.renderer.getNodeDisplayData(node)!), id);
  return { x: box.x + p.x, y: box.y + p.y };
}

async function open(stage: Stage, query = '', width = 1280, height = 720) {
  const { page, errors } = await stage.page(width, height);
  await page.goto(`${stage.baseUrl}/${query}`);
  await settled(page);
  return { page, errors };
}

const state = (page: Page) => page.evaluate(() => window.__dyad.state);

describe('the workbench', { timeout: 120_000 }, () => {
  let stage: Stage;
  let axeSource: string;

  beforeAll(async () => {
    stage = await startStage();
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });
  afterAll(async () => {
    await stage?.close();
  });

  async function axe(page: Page, where: string): Promise<void> {
    // Evaluated over the devtools protocol: the page's CSP rightly refuses inline scripts.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave.map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }

  describe('views that can be trusted', () => {
    it('shows nothing, and says why, when every source is unticked', async () => {
      const { page, errors } = await open(stage);
      const boxes = page.locator('[data-filter="documents"] input[type="checkbox"]');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
      await page.waitForFunction(() => window.__dyad.state.filters.documents?.length === 0);
      await settled(page);
      await expect(page.evaluate(() => window.__dyad.graph.order)).resolves.toBe(0);
      await expect(page.locator('#empty').textContent()).resolves.toContain('No source documents selected');
      await expect(page.locator('#status').textContent()).resolves.toContain('No source documents selected');
      expect(new URL(page.url()).searchParams.get('documents')).toBe('');
      // The link keeps the empty selection.
      const { page: second } = await open(stage, `?${new URL(page.url()).searchParams.toString()}`);
      await expect(second.evaluate(() => window.__dyad.graph.order)).resolves.toBe(0);
      await shot(page, 'w01-empty-selection');
      expect(errors).toEqual([]);
      await second.context().close();
      await page.context().close();
    });

    it('draws a shared link, a reload and Back with every actor within 5 px', async () => {
      const { page, errors } = await open(stage);
      await page.locator('#zoom-in').click();
      await page.waitForTimeout(700);
      const first = await screenPositions(page);
      expect(Object.keys(first).length).toBeGreaterThan(40);
      const { page: other } = await open(stage, new URL(page.url()).search);
      const shared = await screenPositions(other);
      expect(Object.keys(shared).sort()).toEqual(Object.keys(first).sort());
      expect(maxShift(first, shared)).toBeLessThanOrEqual(5);
      await other.reload();
      await settled(other);
      expect(maxShift(first, await screenPositions(other))).toBeLessThanOrEqual(5);
      await other.context().close();

      // Filtering keeps everyone who stays where they were; Back restores the picture.
      await page.locator('[data-filter="documents"] li').nth(1).locator('button.only').click();
      await page.waitForFunction(() => window.__dyad.state.filters.documents?.length === 1);
      await settled(page);
      const filtered = await screenPositions(page);
      expect(Object.keys(filtered).length).toBeLessThan(Object.keys(first).length);
      expect(maxShift(first, filtered)).toBeLessThanOrEqual(5);
      await page.goBack();
      await page.waitForFunction(() => window.__dyad.state.filters.documents === undefined);
      await settled(page);
      expect(maxShift(first, await screenPositions(page))).toBeLessThanOrEqual(5);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('makes each change a history entry that Back, Forward and Ctrl+Z / Ctrl+Shift+Z walk', async () => {
      const { page, errors } = await open(stage);
      const start = await page.evaluate(() => history.length);
      await page.locator('#details .plain button.link').first().click(); // select the best-connected actor
      await page.waitForFunction(() => window.__dyad.state.selection?.kind === 'node');
      const selected = (await state(page)).selection;
      await page.locator('[data-filter="documents"] li').nth(0).locator('button.only').click();
      await page.waitForFunction(() => window.__dyad.state.filters.documents?.length === 1);
      await settled(page);
      await page.locator('#expand-actor').click();
      await page.waitForFunction(() => window.__dyad.state.mode === 'ego');
      await settled(page);
      await expect(page.evaluate(() => history.length)).resolves.toBe(start + 3);

      await page.goBack();
      await page.waitForFunction(() => window.__dyad.state.mode === 'all');
      await settled(page);
      expect((await state(page)).filters.documents).toHaveLength(1);
      await page.goBack();
      await page.waitForFunction(() => window.__dyad.state.filters.documents === undefined);
      expect((await state(page)).selection).toEqual(selected);
      await page.goForward();
      await page.waitForFunction(() => window.__dyad.state.filters.documents?.length === 1);

      // Undo and redo walk the same history from the keyboard.
      await page.locator('#graph').focus();
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => window.__dyad.state.filters.documents === undefined);
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction(() => window.__dyad.state.filters.documents?.length === 1);
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction(() => window.__dyad.state.mode === 'ego');
      await settled(page);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('states a denial-only relation as denied, in words and in grey', async () => {
      const { page, errors } = await open(stage, `?documents=${DOC_004}&sel=e:${encodeURIComponent(TALIBAN_SUPPORTS_TTP)}`);
      const edge = await page.evaluate((key) => {
        const { graph, renderer } = window.__dyad;
        return { attrs: graph.getEdgeAttributes(key), display: renderer.getEdgeDisplayData(key) };
      }, TALIBAN_SUPPORTS_TTP);
      expect(edge.attrs.supporting).toBe(0);
      expect(edge.attrs.denying).toBeGreaterThan(0);
      expect(String(edge.display?.label)).toContain('denied');
      expect(String(edge.display?.color).slice(0, 7)).toBe('#8c8c8c');
      const title = await page.locator('#details h2').textContent();
      expect(title).toContain('SUPPORTS (denied)');
      const badges = (await page.locator('#details .badges').textContent()) ?? '';
      expect(badges).toContain('only denials');
      expect(badges).not.toContain('supported by 0');
      await page.locator('#details .claims li.claim').first().waitFor();
      // The attribution names the actor, not its id.
      const attributions = await page.locator('#details .attributed').allTextContents();
      expect(attributions.join(' ')).not.toMatch(/afghan-taliban/);
      expect(attributions.join(' ')).toMatch(/Taliban/);
      await page.locator('#details .relation-group, #details .edge-title').first().waitFor();
      // The relation list of an end says "denied" too.
      await page.locator('#details .edge-title button.link').first().click();
      await page.locator('#details .relation-group').first().waitFor();
      await expect(page.locator('#details').textContent()).resolves.toMatch(/denied/);
      await shot(page, 'w02-denied');
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('shows descriptions with names, not markup ids', async () => {
      const { page, errors } = await open(stage, '?sel=n:afghanistan');
      await page.waitForFunction(() => (document.querySelector('#details .description')?.textContent ?? '').length > 0);
      const description = (await page.locator('#details .description').textContent()) ?? '';
      expect(description).not.toContain('`');
      expect(description).not.toContain('afghan-taliban');
      expect(errors).toEqual([]);
      await page.context().close();
    });

    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      it(`leaves the graph uncovered at ${width}×${height}, legend and reader open`, async () => {
        const { page, errors } = await open(stage, '', width, height);
        const covered = () =>
          page.evaluate(() => {
            const graph = document.getElementById('graph')!;
            const box = graph.getBoundingClientRect();
            const hits: string[] = [];
            for (let x = box.left + 2; x < box.right - 2; x += 23) {
              for (let y = box.top + 2; y < box.bottom - 2; y += 23) {
                const el = document.elementFromPoint(x, y);
                if (el && !graph.contains(el)) hits.push(`${el.tagName}.${el.className} at ${Math.round(x)},${Math.round(y)}`);
              }
            }
            return hits;
          });
        await expect(covered()).resolves.toEqual([]);
        const legend = page.locator('#legend details');
        if ((await legend.getAttribute('open')) === null) await page.locator('#legend summary').click();
        // The open legend narrows the stage: Sigma draws at the new size on a coming frame.
        await settled(page);
        await expect(covered()).resolves.toEqual([]);
        // The legend reads the relation signatures: the kinds each drawn type links.
        await expect(page.locator('#legend li.signature[data-type="OPERATES_IN"]').textContent()).resolves.toContain('→ place, state');
        // Every drawn actor lies inside the drawing area.
        const { width: w, height: hgt } = await page.evaluate(() => window.__dyad.renderer.getDimensions());
        for (const [id, p] of Object.entries(await screenPositions(page))) {
          const where = `${id} at ${Math.round(p.x)},${Math.round(p.y)} in ${w}×${hgt}`;
          expect(p.x, where).toBeGreaterThanOrEqual(0);
          expect(p.y, where).toBeGreaterThanOrEqual(0);
          expect(p.x, where).toBeLessThanOrEqual(w);
          expect(p.y, where).toBeLessThanOrEqual(hgt);
        }
        await shot(page, `w03-uncovered-${width}`);
        // The reader opens beside the details, not over them or over the graph.
        await page.locator('#details .plain button.link').first().click();
        await page.locator('.relation-group button.link').first().click();
        await page.locator('#details .claims .quote').first().click();
        await page.locator('#reader:not([hidden]) .current').first().waitFor();
        await page.waitForTimeout(400);
        await expect(covered()).resolves.toEqual([]);
        const [reader, details] = await Promise.all([page.locator('#reader').boundingBox(), page.locator('#details').boundingBox()]);
        expect(reader!.x + reader!.width).toBeLessThanOrEqual(details!.x + 1);
        // The selected relation is on screen, in the drawing area.
        const sel = (await state(page)).selection!;
        const ends = await page.evaluate((key) => window.__dyad.graph.extremities(key), sel.id);
        await page.waitForTimeout(500);
        const graphBox = (await page.locator('#graph').boundingBox())!;
        for (const end of ends) {
          const p = await actorPoint(page, end);
          expect(p.x).toBeGreaterThanOrEqual(graphBox.x);
          expect(p.x).toBeLessThanOrEqual(graphBox.x + graphBox.width);
        }
        await shot(page, `w04-reader-${width}`);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  });

  describe('search', () => {
    it('never selects a stale suggestion on a fast Enter', async () => {
      const { page, errors } = await open(stage);
      const input = page.getByRole('combobox', { name: 'Search actors' });
      await input.fill('TTP');
      await page.locator('.suggestion', { hasText: 'Tehrik-i-Taliban Pakistan' }).first().waitFor();
      await input.fill('ISKP');
      await input.press('Enter');
      await page.waitForFunction(() => window.__dyad.state.selection !== null);
      expect((await state(page)).selection).toEqual({ kind: 'node', id: 'is-k' });
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('marks actors that no claim names', async () => {
      const response = await fetch(`${stage.baseUrl}/api/actors?q=Hamas`);
      const hits = (await response.json()) as { id: string; claims?: number }[];
      const { page, errors } = await open(stage);
      const input = page.getByRole('combobox', { name: 'Search actors' });
      await input.fill('Hamas');
      await page.locator('.suggestion').first().waitFor();
      if (hits[0]?.claims === 0) {
        await expect(page.locator('.suggestion').first().getAttribute('aria-disabled')).resolves.toBe('true');
        await expect(page.locator('.suggestion').first().textContent()).resolves.toContain('no claims');
        await input.press('Enter');
        await page.waitForTimeout(300);
        expect((await state(page)).mode).toBe('all');
      } else {
        // This API does not yet count claims per hit: nothing is marked.
        expect(hits[0]?.claims).toBeUndefined();
      }
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });

  describe('accessibility', () => {
    it('has no serious or critical axe findings, in each panel state', async () => {
      const { page, errors } = await open(stage);
      await axe(page, 'overview');
      await page.locator('#legend summary').click();
      await axe(page, 'legend');
      await page.locator('#details .plain button.link').first().click();
      await page.locator('.relation-group').first().waitFor();
      await axe(page, 'actor');
      await page.locator('.relation-group button.link').first().click();
      await page.locator('#details .claims li.claim').first().waitFor();
      await axe(page, 'evidence');
      await page.locator('#details .claims .quote').first().click();
      await page.locator('#reader:not([hidden]) .current').first().waitFor();
      await axe(page, 'reader');
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('goes from search to a quote by keyboard alone, keeping focus where the work is', async () => {
      const { page, errors } = await open(stage);
      const skip = page.locator('.skip-link').first();
      await page.keyboard.press('Tab');
      await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('/');
      await page.keyboard.type('ISKP');
      await page.locator('.suggestion', { hasText: 'Islamic State Khorasan Province' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.matches('#details h2') === true);
      let tabs = 0;
      const focused = () => page.evaluate(() => document.activeElement?.closest('.relation-group') !== null && document.activeElement?.tagName === 'BUTTON');
      while (!(await focused()) && tabs < 10) {
        await page.keyboard.press('Tab');
        tabs += 1;
      }
      expect(tabs).toBeLessThan(10);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__dyad.state.selection?.kind === 'edge');
      await page.locator('#details .claims li.claim').first().waitFor();
      await expect(page.evaluate(() => document.activeElement?.matches('#details h2'))).resolves.toBe(true);
      tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.classList.contains('quote'))) && tabs < 10) {
        await page.keyboard.press('Tab');
        tabs += 1;
      }
      expect(tabs).toBeLessThan(10);
      await page.keyboard.press('Enter');
      await page.locator('#reader:not([hidden]) .current').first().waitFor();
      await expect(page.evaluate(() => document.activeElement?.classList.contains('current'))).resolves.toBe(true);
      await shot(page, 'w05-keyboard-quote');
      await page.keyboard.press('Escape');
      await expect(page.evaluate(() => document.activeElement?.classList.contains('quote'))).resolves.toBe(true);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('walks the graph with arrow keys and selects with Enter', async () => {
      const { page, errors } = await open(stage, '?sel=n:ttp');
      await page.locator('#graph').focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.locator('#status').textContent()).resolves.toMatch(/relations\. Enter selects/);
      let cursor = await page.evaluate(() => document.getElementById('status')!.textContent!.split(':')[0]);
      for (const key of ['ArrowDown', 'ArrowLeft', 'ArrowUp']) {
        await page.keyboard.press(key);
        cursor = await page.evaluate(() => document.getElementById('status')!.textContent!.split(':')[0]);
      }
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__dyad.state.selection?.id !== 'ttp');
      const selected = (await state(page)).selection!;
      await expect(page.evaluate((id) => window.__dyad.graph.getNodeAttribute(id, 'name'), selected.id)).resolves.toBe(cursor);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });

  describe('what analysts expect', () => {
    it('shows type, certainty and counts on hovering a relation; right-click opens its menu', async () => {
      const { page, errors } = await open(stage);
      const { edge, x, y } = await edgePoint(page);
      await page.mouse.move(x - 30, y - 30);
      await page.mouse.move(x, y, { steps: 4 });
      await page.locator('#edge-tooltip:not([hidden])').waitFor({ timeout: 3000 });
      const type = await page.evaluate((key) => window.__dyad.graph.getEdgeAttribute(key, 'type'), edge);
      const tip = (await page.locator('#edge-tooltip').textContent()) ?? '';
      expect(tip.toLowerCase()).toContain(type.toLowerCase().replace(/_/g, ' '));
      expect(tip).toMatch(/\d+ claims?/);
      expect(tip).toMatch(/asserted|reported|alleged|speculative|denied/);
      await shot(page, 'w06-hover-edge');
      await page.mouse.click(x, y, { button: 'right' });
      await page.locator('#menu:not([hidden])').waitFor();
      await page.getByRole('menuitem', { name: 'Show evidence' }).click();
      await page.waitForFunction((key) => window.__dyad.state.selection?.id === key, edge);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('pins a dragged actor where it is dropped, and a link keeps it there', async () => {
      const { page, errors } = await open(stage);
      const from = await actorPoint(page, 'china');
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 40, from.y + 30, { steps: 6 });
      await page.mouse.move(from.x + 80, from.y + 60, { steps: 6 });
      await page.mouse.up();
      await page.waitForFunction(() => 'china' in window.__dyad.state.pins);
      const moved = await actorPoint(page, 'china');
      expect(Math.hypot(moved.x - from.x - 80, moved.y - from.y - 60)).toBeLessThan(6);
      await page.waitForTimeout(400);
      expect(page.url()).toContain('pin=china');
      const { page: other } = await open(stage, new URL(page.url()).search);
      expect(maxShift(await screenPositions(page), await screenPositions(other))).toBeLessThanOrEqual(5);
      await shot(page, 'w07-pinned');
      expect(errors).toEqual([]);
      await other.context().close();
      await page.context().close();
    });

    it('hides actors from the menu and brings them back', async () => {
      const { page, errors } = await open(stage);
      const p = await actorPoint(page, 'china');
      await page.mouse.click(p.x, p.y, { button: 'right' });
      await page.getByRole('menuitem', { name: 'Hide' }).click();
      await page.waitForFunction(() => window.__dyad.state.hidden.includes('china'));
      await expect(page.evaluate(() => window.__dyad.renderer.getNodeDisplayData('china')?.hidden)).resolves.toBe(true);
      await expect(page.locator('.stage-bar').textContent()).resolves.toContain('1 hidden');
      await page.locator('#unhide-all').click();
      await page.waitForFunction(() => window.__dyad.state.hidden.length === 0);
      await expect(page.evaluate(() => window.__dyad.renderer.getNodeDisplayData('china')?.hidden)).resolves.toBeFalsy();
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('gathers actors by Shift-drag lasso and Shift-click, and acts on the set', async () => {
      const { page, errors } = await open(stage);
      const box = (await page.locator('#graph').boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.keyboard.down('Shift');
      await page.mouse.move(cx - 90, cy - 90);
      await page.mouse.down();
      for (const [dx, dy] of [[90, -90], [90, 90], [-90, 90], [-90, -90]]) await page.mouse.move(cx + dx!, cy + dy!, { steps: 5 });
      await page.mouse.up();
      const lassoed = Number(((await page.locator('.stage-bar').textContent()) ?? '').match(/(\d+) selected/)?.[1]);
      expect(lassoed).toBeGreaterThan(1);
      // Shift-click an actor outside the lasso: it joins the set (no selection, no expand).
      const outside = await page.evaluate(
        ({ x0, y0 }) => {
          const { graph, renderer } = window.__dyad;
          return graph.filterNodes((n) => {
            const p = renderer.framedGraphToViewport(renderer.getNodeDisplayData(n)!);
            return Math.abs(p.x - x0) > 130 && Math.abs(p.y - y0) > 130 && p.x > 30 && p.y > 30;
          })[0]!;
        },
        { x0: box.width / 2, y0: box.height / 2 },
      );
      const other = await actorPoint(page, outside);
      const before = await state(page);
      await page.mouse.click(other.x, other.y);
      await page.keyboard.up('Shift');
      await page.waitForTimeout(400);
      expect(await state(page)).toMatchObject({ mode: before.mode, selection: before.selection });
      await expect(page.locator('.stage-bar').textContent()).resolves.toContain(`${lassoed + 1} selected`);
      await shot(page, 'w08-lasso');
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#marked-export').click()]);
      const gexf = await readFile((await download.path())!, 'utf8');
      expect(gexf.match(/<node id=/g)?.length).toBe(lassoed + 1);
      await page.locator('#marked-hide').click();
      await page.waitForFunction((n) => window.__dyad.state.hidden.length === n, lassoed + 1);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('draws a timeline of dated claims under the time window; a bar sets the window', async () => {
      const { page, errors } = await open(stage);
      const bars = page.locator('.timeline .bar');
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.timeline .bar')].some((b) => Number(b.dataset.count) > 0));
      expect(await bars.count()).toBeGreaterThan(5);
      // Each bar counts the claims a window of its year admits (the claims API is the judge).
      const counted = await page.$$eval('.timeline .bar', (els) => els.map((b) => [(b as HTMLElement).dataset.year!, Number((b as HTMLElement).dataset.count)] as const));
      for (const [year, count] of counted.filter(([, n]) => n > 0).slice(0, 4)) {
        const answer = (await (await fetch(`${stage.baseUrl}/api/claims?from=${year}&to=${year}&limit=1`)).json()) as { total: number };
        expect(count).toBe(answer.total);
      }
      const heights = await page.$$eval('.timeline .bar span', (spans) => spans.map((s) => (s as HTMLElement).offsetHeight));
      expect(heights.some((h) => h > 10)).toBe(true);
      const tallest = heights.indexOf(Math.max(...heights));
      const label = (await bars.nth(tallest).getAttribute('aria-label'))!;
      const year = label.slice(0, 4);
      await bars.nth(tallest).click();
      await page.waitForFunction((y) => window.__dyad.state.filters.from === y && window.__dyad.state.filters.to === y, year);
      await settled(page);
      expect(await page.evaluate(() => window.__dyad.graph.size)).toBeGreaterThan(0);
      await page.locator('.timeline').scrollIntoViewIfNeeded();
      await shot(page, 'w09-timeline');
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('exports exactly what is shown: GEXF with positions and colours, PNG with legend and caption', async () => {
      const { page, errors } = await open(stage, '?mode=ego&ego=ttp&hide=china');
      const shown = await page.evaluate(() => window.__dyad.graph.filterNodes((n) => !window.__dyad.state.hidden.includes(n)).length);
      await page.locator('.tools summary', { hasText: 'Export' }).click();
      const [gexfDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
      const gexf = await readFile((await gexfDownload.path())!, 'utf8');
      expect(gexf.match(/<node /g)?.length).toBe(shown);
      expect(gexf).toContain('viz:position');
      expect(gexf).toContain('viz:color');
      expect(gexf).not.toContain('id="china"');
      const started = Date.now();
      const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      const png = await readFile((await pngDownload.path())!);
      const elapsed = Date.now() - started;
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      const graph = (await page.locator('#graph').boundingBox())!;
      expect(width).toBeGreaterThan(graph.width * 2);
      expect(height).toBeGreaterThan(graph.height * 2);
      await expect(page.locator('#status').textContent()).resolves.toMatch(/PNG saved \(\d+ ms\)/);
      console.log(`[export] PNG ${width}×${height} in ${elapsed} ms`);
      // Open it next to the screenshots for a look.
      await page.goto(`data:image/png;base64,${png.toString('base64')}`);
      await shot(page, 'w10-export-png');
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it('lists, highlights and links every path; an expand puts newcomers beside their parent', async () => {
      const { page, errors } = await open(stage, '?sel=n:ttp');
      await page.locator('#path-from-here').click();
      await expect(page.locator('#status').textContent()).resolves.toContain('now choose the other end');
      await page.goto(`${stage.baseUrl}/?mode=paths&pf=ttp&pt=china`);
      await settled(page);
      const items = page.locator('.paths .path');
      expect(await items.count()).toBeGreaterThan(0);
      await items.first().locator('.path-show').click();
      const faded = await page.evaluate(() => {
        const { graph, renderer } = window.__dyad;
        return graph.filterNodes((n) => renderer.getNodeDisplayData(n)?.label === '').length;
      });
      expect(faded).toBeGreaterThan(0);
      await shot(page, 'w11-paths');
      await items.first().locator('.step-edge').first().click();
      await page.waitForFunction(() => window.__dyad.state.selection?.kind === 'edge');

      // Expand: the newcomers sit beside the actor expanded, the others stay put.
      await page.goto(`${stage.baseUrl}/?mode=ego&ego=china`);
      await settled(page);
      const before = await page.evaluate(() => Object.fromEntries(window.__dyad.graph.mapNodes((n, a) => [n, [a.x, a.y]])));
      const neighbour = await page.evaluate(() => window.__dyad.graph.neighbors('china').find((n) => n !== 'china')!);
      await page.goto(`${stage.baseUrl}/?mode=ego&ego=china,${neighbour}`);
      await settled(page);
      const after = await page.evaluate(() => Object.fromEntries(window.__dyad.graph.mapNodes((n, a) => [n, [a.x, a.y]])));
      for (const [node, [x, y]] of Object.entries(before)) expect(Math.hypot(after[node]![0]! - x!, after[node]![1]! - y!)).toBeLessThan(1e-6);
      const fresh = Object.keys(after).filter((n) => !(n in before));
      if (fresh.length > 0) {
        const [px, py] = after[neighbour]!;
        const [cx, cy] = after['china']!;
        const nearer = fresh.filter((n) => Math.hypot(after[n]![0]! - px!, after[n]![1]! - py!) < Math.hypot(after[n]![0]! - cx!, after[n]![1]! - cy!));
        expect(nearer.length / fresh.length).toBeGreaterThanOrEqual(0.5);
      }
      await shot(page, 'w12-expanded');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });

  describe('at size', () => {
    it('says when the overview is truncated and invites search, expand and filters', async () => {
      const { page, errors } = await stage.page(1280, 720);
      await page.route('**/api/graph', async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        body.attributes = { ...body.attributes, truncated: true, omittedNodes: 948, omittedEdges: 19_882, totalNodes: 1000, totalEdges: 20_000 };
        await route.fulfill({ response, json: body });
      });
      await page.goto(stage.baseUrl);
      await settled(page);
      const text = (await page.locator('#status').textContent()) ?? '';
      expect(text).toMatch(/Overview/);
      expect(text).toMatch(/left out/);
      expect(text).toMatch(/Search, expand or filter/);
      await shot(page, 'w13-truncated');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });
});

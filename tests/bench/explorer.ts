/**
 * `npm run bench:explorer [-- --runs N --actors 5000 --relations 20000]`: the explorer at size
 * and its responsiveness, in real headless Chromium (a benchmark, not a timed test).
 *
 * At size (issue 9.7): a generated graph (heavy-tailed degrees, deterministic) is answered for
 * /api/graph and loaded into the real client; measured are the first frame after the data
 * arrived and the longest main-thread block (PerformanceObserver longtask) until the layout
 * settled. The same graph in a plain Sigma + ForceAtlas2-worker page is the baseline.
 * On the seed corpus through the real API (issue 10): first meaningful frame after navigation,
 * an edge click to its evidence, a filter to the redrawn graph, and the first frame again in a
 * fresh browser (no shader compiled yet).
 * Prints a table of p50/p95/p99 and, as the last line, one JSON object.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { edgePoint, launchChromium, startStage, type Stage } from '../e2e/harness.ts';
import { generateGraph } from './explorer-graph.ts';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, actors: { type: 'string', default: '5000' }, relations: { type: 'string', default: '20000' } },
});
const RUNS = Number(args.runs);
const ACTORS = Number(args.actors);
const RELATIONS = Number(args.relations);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const summary = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) });

/** tsx keeps function names with a `__name` helper that pages evaluated into do not have. */
const NAME_HELPER = 'window.__name = (f) => f;';

/**
 * Collect long tasks from the start of the page, and when the first frame was on screen: a
 * drawing is committed (with software WebGL, read back from the GPU process, which blocks the
 * page) in the frame after the task that drew it, so the second animation frame after the
 * `dyad:first-frame` mark is when it shows.
 */
const LONGTASKS = `
  window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name === 'dyad:first-frame') && !window.__shown) {
      requestAnimationFrame(() => requestAnimationFrame(() => (window.__shown = performance.now())));
    }
  }).observe({ type: 'mark' });
`;

/** First frame after data, and the longest block from then until the view settled. */
async function measureAtSize(page: Page, url: string, body: string, waitSettled: (page: Page) => Promise<void>) {
  await page.addInitScript(NAME_HELPER + LONGTASKS);
  await page.route(/\/api\/graph(\?.*)?$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(url);
  await waitSettled(page).catch(async (error: unknown) => {
    const status = await page.locator('#status').textContent().catch(() => '');
    throw new Error(`${url} did not settle (status: ${status}): ${String(error)}`);
  });
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, undefined, POLL);
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
    const data = at('dyad:data');
    const frame = (window as unknown as { __shown: number }).__shown;
    const end = performance.getEntriesByName('dyad:loaded').at(-1)!.startTime;
    // dyad marks when its layout worker is done; the baseline's layout runs until it settles.
    const laidOut = performance.getEntriesByName('dyad:laid-out').at(-1)?.startTime ?? end;
    const tasks = (window as unknown as { __longtasks: [number, number][] }).__longtasks;
    // Tasks begun while the layout ran: dyad starts its worker once the first frame shows; the
    // baseline starts ForceAtlas2 as soon as it has drawn (so its first frame's commit counts).
    const started = performance.getEntriesByName('dyad:layout-start').at(-1)?.startTime ?? at('dyad:first-frame');
    const during = tasks.filter(([start]) => start >= started && start < laidOut);
    const longest = during.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0] as [number, number]);
    // Then the settled view is drawn once, every relation: its task and the frame showing it.
    const final = tasks.filter(([start]) => start >= laidOut).reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0] as [number, number]);
    return {
      firstFrameMs: frame - data,
      longestBlockMs: longest[1],
      longestAtMs: Math.round(longest[0] - frame),
      settledMs: Math.round(end - frame),
      settledDrawMs: final[1],
    };
  });
}

/** Polled on a timer, not on animation frames: a page drawing 20,000 relations draws few of them. */
const POLL = { polling: 250, timeout: 300_000 };
async function baselineSettled(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('dyad:loaded').length > 0, undefined, POLL);
}
async function dyadSettled(page: Page) {
  await page.waitForFunction(() => window.__dyad?.idle === true && performance.getEntriesByName('dyad:loaded').length > 0, undefined, POLL);
}

/**
 * The seeds' first meaningful frame in a browser of its own: its GPU process has compiled no
 * shader yet, as on a user's first visit (the pages before share the stage's browser).
 */
async function firstFrameFreshBrowser(stage: Stage): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.addInitScript(NAME_HELPER + LONGTASKS);
    await page.goto(stage.baseUrl);
    await dyadSettled(page);
    await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, undefined, POLL);
    return await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  } finally {
    await browser.close();
  }
}

/** Seed corpus, real API: first meaningful frame, click → evidence, filter → redraw. */
async function measureResponsiveness(stage: Stage) {
  const { page } = await stage.page(1280, 720);
  await page.addInitScript(NAME_HELPER + LONGTASKS);
  await page.goto(stage.baseUrl);
  await dyadSettled(page);
  await page.waitForFunction(() => (window as unknown as { __shown?: number }).__shown !== undefined, undefined, POLL);
  // From navigation to the first drawing on screen.
  const firstMeaningfulMs = await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  // An edge click: from the press to the first claim in the details panel.
  const target = await edgePoint(page);
  await page.evaluate(() => {
    const w = window as unknown as { __press: number; __evidence: number };
    document.addEventListener('mousedown', () => (w.__press = performance.now()), { capture: true });
    new MutationObserver(() => {
      if (document.querySelector('#details .claims li.claim') && !w.__evidence) w.__evidence = performance.now();
    }).observe(document.getElementById('details')!, { childList: true, subtree: true });
  });
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction(() => (window as unknown as { __evidence?: number }).__evidence !== undefined, undefined, { timeout: 30_000 });
  const clickToEvidenceMs = await page.evaluate(() => {
    const w = window as unknown as { __press: number; __evidence: number };
    return w.__evidence - w.__press;
  });
  // A filter: from the click on "only" to the redrawn, settled view.
  await page.evaluate(() => performance.clearMarks('dyad:loaded'));
  const clicked = await page.evaluate(() => performance.now());
  await page.locator('[data-filter="documents"] li').nth(1).locator('button.only').click();
  await dyadSettled(page);
  const filterRedrawMs = await page.evaluate((t) => performance.getEntriesByName('dyad:loaded')[0]!.startTime - t, clicked);
  await page.context().close();
  return { firstMeaningfulMs, clickToEvidenceMs, filterRedrawMs };
}

async function main(): Promise<void> {
  const stage = await startStage();
  const work = await mkdtemp(join(tmpdir(), 'dyad-bench-explorer-'));
  try {
    const baselineDir = join(work, 'baseline');
    await build({
      root: fileURLToPath(new URL('./explorer-baseline/', import.meta.url)),
      base: '/baseline/',
      logLevel: 'warn',
      build: { outDir: baselineDir, emptyOutDir: true },
    });
    const body = JSON.stringify(generateGraph(ACTORS, RELATIONS));
    const rows: Record<string, number[]> = {
      'at size: first frame after data (dyad)': [],
      'at size: first frame after data (baseline)': [],
      'at size: longest block while laying out (dyad)': [],
      'at size: longest block while laying out (baseline)': [],
      'at size: drawing the settled view, every relation (dyad)': [],
      'seeds: first meaningful frame': [],
      'seeds: first meaningful frame, fresh browser': [],
      'seeds: edge click → evidence': [],
      'seeds: filter → redrawn': [],
    };
    for (let run = 0; run < RUNS; run++) {
      const { page } = await stage.page(1280, 720);
      const dyad = await measureAtSize(page, stage.baseUrl, body, dyadSettled);
      await page.context().close();
      const { page: plain } = await stage.page(1280, 720);
      await plain.route('**/baseline/**', async (route) => {
        const path = new URL(route.request().url()).pathname.replace(/^\/baseline\//, '') || 'index.html';
        const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
        await route.fulfill({ status: 200, contentType: type, body: await readFile(join(baselineDir, path)) });
      });
      const baseline = await measureAtSize(plain, `${stage.baseUrl}/baseline/index.html`, body, baselineSettled);
      await plain.context().close();
      const seeds = { ...(await measureResponsiveness(stage)), firstMeaningfulFreshMs: await firstFrameFreshBrowser(stage) };
      rows['at size: first frame after data (dyad)']!.push(dyad.firstFrameMs);
      rows['at size: first frame after data (baseline)']!.push(baseline.firstFrameMs);
      rows['at size: longest block while laying out (dyad)']!.push(dyad.longestBlockMs);
      rows['at size: longest block while laying out (baseline)']!.push(baseline.longestBlockMs);
      rows['at size: drawing the settled view, every relation (dyad)']!.push(dyad.settledDrawMs);
      rows['seeds: first meaningful frame']!.push(seeds.firstMeaningfulMs);
      rows['seeds: first meaningful frame, fresh browser']!.push(seeds.firstMeaningfulFreshMs);
      rows['seeds: edge click → evidence']!.push(seeds.clickToEvidenceMs);
      rows['seeds: filter → redrawn']!.push(seeds.filterRedrawMs);
      console.error(`run ${run + 1}/${RUNS}: ${JSON.stringify({ dyad, baseline, seeds })}`);
    }
    const table = Object.fromEntries(Object.entries(rows).map(([name, values]) => [name, summary(values)]));
    const ratio = (a: string, b: string) => Number((table[a]!.p50 / Math.max(1, table[b]!.p50)).toFixed(2));
    console.log(`\nexplorer at ${ACTORS} actors / ${RELATIONS} relations, ${RUNS} runs (ms)`);
    console.log('| measure | p50 | p95 | p99 | target |');
    console.log('|---|---:|---:|---:|---:|');
    const targets: Record<string, string> = {
      'at size: first frame after data (dyad)': '≤ 1000',
      'at size: longest block while laying out (dyad)': '≤ 200',
      'seeds: first meaningful frame': '≤ 1500',
      'seeds: first meaningful frame, fresh browser': '≤ 1500',
      'seeds: edge click → evidence': '≤ 200',
      'seeds: filter → redrawn': '≤ 500',
    };
    for (const [name, s] of Object.entries(table)) {
      console.log(`| ${name} | ${Math.round(s.p50)} | ${Math.round(s.p95)} | ${Math.round(s.p99)} | ${targets[name] ?? ''} |`);
    }
    console.log(
      JSON.stringify({
        actors: ACTORS,
        relations: RELATIONS,
        runs: RUNS,
        ms: table,
        baselineRatio: {
          firstFrame: ratio('at size: first frame after data (dyad)', 'at size: first frame after data (baseline)'),
          longestBlock: ratio('at size: longest block while laying out (dyad)', 'at size: longest block while laying out (baseline)'),
        },
      }),
    );
  } finally {
    await stage.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();

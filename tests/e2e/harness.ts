/**
 * The end-to-end stage: the client built once by Vite into a temp folder, the real API
 * (buildApp) over a fresh EmbeddedStore seeded with the corpus, on a random loopback port,
 * and a real headless Chromium. Every console error or uncaught page error is collected.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp } from '../../server/api/app.ts';
import { loadConfig } from '../../server/config.ts';
import { EmbeddedStore } from '../../server/store/embedded/index.ts';
import type Sigma from 'sigma';
import type { Model } from '../../client/src/model.ts';
import type { ViewState } from '../../client/src/state.ts';
import { seedsDir, seedStore } from '../helpers/seed.ts';

/** What the page's read-only test hook holds (client/src/main.ts). */
export type Hook = { graph: Model; state: ViewState; idle: boolean; renderer: Sigma };
declare global {
  interface Window {
    __dyad: Hook;
    /** axe-core, when a test injects it. */
    axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = join(root, 'tests/output/e2e');

export interface Stage {
  baseUrl: string;
  browser: Browser;
  /** A fresh page at `width`×`height`; its console errors land in `errors`. */
  page(width?: number, height?: number): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Headless Chromium as the tests run it: software WebGL (SwiftShader), no GPU. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
    ],
  });

/** `env`: the server's configuration as it reads it from the environment (e.g. DYAD_API_TOKENS for writes). */
export async function startStage(env: NodeJS.ProcessEnv = {}): Promise<Stage> {
  const work = await mkdtemp(join(tmpdir(), 'dyad-e2e-'));
  const clientDir = join(work, 'client');
  await build({
    configFile: join(root, 'client/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: clientDir, emptyOutDir: true, sourcemap: false },
  });
  const store = new EmbeddedStore({ dataDir: join(work, 'data'), logger: pino({ level: 'silent' }) });
  await store.open();
  await seedStore(store);
  const app = await buildApp({ store, config: loadConfig(env), seedsDir, clientDir, rateLimit: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  await mkdir(screenshotDir, { recursive: true });
  const browser = await launchChromium();
  return {
    baseUrl: address,
    browser,
    async page(width = 1280, height = 720) {
      const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
      // Shared with six engineers, this machine can be slow: give pages room.
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Wait until the explorer has loaded its data and the layout has settled. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const dyad = (window as unknown as { __dyad?: { idle: boolean } }).__dyad;
      return dyad?.idle === true;
    },
    undefined,
    { timeout: 60_000 },
  );
  // Sigma draws on the next animation frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });

/** A point on the page over the middle of a long, unobstructed relation. */
export async function edgePoint(page: Page): Promise<{ edge: string; x: number; y: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  const found = await page.evaluate(() => {
    const { graph, renderer } = window.__dyad;
    const at = (n: string) => renderer.framedGraphToViewport(renderer.getNodeDisplayData(n)!);
    let best: { edge: string; x: number; y: number; score: number } | null = null;
    graph.forEachEdge((edge, attrs, source, target) => {
      if (new Set([...graph.edges(source, target), ...graph.edges(target, source)]).size > 1) return;
      const [a, b] = [at(source), at(target)];
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      // Distance from the midpoint to the nearest actor: the hover must land on the line.
      let clearance = Infinity;
      graph.forEachNode((n) => {
        const p = at(n);
        clearance = Math.min(clearance, Math.hypot(p.x - mid.x, p.y - mid.y));
      });
      const { width, height } = renderer.getDimensions();
      if (mid.x < 20 || mid.y < 20 || mid.x > width - 20 || mid.y > height - 20) return;
      const score = Math.min(clearance, Math.hypot(a.x - b.x, a.y - b.y) / 2) + attrs.claims;
      if (!best || score > best.score) best = { edge, ...mid, score };
    });
    return best as { edge: string; x: number; y: number } | null;
  });
  if (!found) throw new Error('no relation drawn clear of the actors');
  return { edge: found!.edge, x: box.x + found!.x, y: box.y + found!.y };
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { chromiumAvailable, launchChromium, VIEWPORTS } from '../support/browser.ts';
import { BUILT_SITE, SITE_URL, SOURCE_DATE_EPOCH, SUB_PATH, SUB_PATH_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH } from '../support/dist.ts';
import { axeViolations, keyboardGaps, layoutShiftTotal, shiftedElements, recordLayoutShifts, scrollThrough } from '../support/page-checks.ts';
import { copySite } from '../support/site-copy.ts';
import { serveStatic } from '../support/static-server.ts';
import { writeTestArticle } from '../support/test-articles.ts';

type Server = Awaited<ReturnType<typeof serveStatic>>;

const HEADLINE = 'Diplomatie: Xi und Putin sprechen per Videoschalte';
const testArticle = (index: number) => `/politik/international/testartikel-${index}/`;
/** Opened first and pushed out by thirty more. */
const FORGOTTEN = testArticle(1);
/** Kept with „Merken“ (the real article), then opened like the others. */
const KEPT = ARTICLE_PATH;
/** The last thirty opened, the kept one first. */
const READ = [KEPT, ...Array.from({ length: 29 }, (_, index) => testArticle(index + 2))];
const NEVER_OPENED = testArticle(31);

/** What the site's caches hold, by cache name, as paths. */
const shelvesIn = (page: Page) =>
  page.evaluate(async () =>
    Object.fromEntries(
      await Promise.all((await caches.keys()).map(async (name) => [name, (await (await caches.open(name)).keys()).map((entry) => new URL(entry.url).pathname)])),
    ),
  ) as Promise<Record<string, string[]>>;

/** The address of each photo of the article as the reader scrolls to it, once it has loaded ('kaputt' if it cannot). */
const photosShown = (page: Page) =>
  page.$$eval('article figure img', (photos) =>
    Promise.all(
      (photos as HTMLImageElement[]).map((photo) => {
        photo.scrollIntoView();
        return photo.decode().then(() => photo.currentSrc, () => 'kaputt');
      }),
    ),
  );

const accent = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim());

describe.runIf(chromiumAvailable())('„Merken“ and reading offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  /** Opens an article and waits for the worker to have stored it: the button shows with its answer. */
  async function read(page: Page, url: string) {
    const response = await page.goto(url);
    await page.locator('[data-keep]').waitFor({ state: 'visible' });
    return response;
  }

  /**
   * Runs `visit` with the browser's HTTP cache cleared and the network switched off: without
   * clearing, the HTTP cache alone would serve pages read in the last five minutes.
   */
  async function offline(context: BrowserContext, visit: (page: Page) => Promise<void>) {
    const page = await context.newPage();
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    await context.setOffline(true);
    try {
      await visit(page);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  }

  describe('in a newsroom of 32 articles', () => {
    const copy = copySite();
    const build = () => astroBuildIn(copy.root, { SITE_URL, SOURCE_DATE_EPOCH });
    let server: Server;
    let context: BrowserContext;
    let page: Page;
    const requests: string[] = [];

    beforeAll(async () => {
      for (let index = 1; index <= 31; index++) writeTestArticle(copy.root, index);
      await build();
      server = await serveStatic(join(copy.root, 'dist'));
      context = await browser.newContext({ viewport: VIEWPORTS.phone });
      context.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
      page = await context.newPage();
    }, 240_000);

    afterAll(async () => {
      await context?.close();
      await server?.close();
      copy.remove();
    });

    it('stores every article opened, with its photos at the width shown, without the reader doing anything', async () => {
      await read(page, server.url + FORGOTTEN);
      // The second photo is far below the first screen and was never scrolled to.
      const shown = await page.$$eval('article figure img', (photos) => (photos as HTMLImageElement[]).map((photo) => photo.complete && photo.currentSrc));
      expect(shown).toHaveLength(2);
      expect(shown.every(Boolean)).toBe(true);
      const shelves = await shelvesIn(page);
      expect(shelves['zeitungsleser / gelesen']).toEqual([FORGOTTEN]);
      expect(shelves['zeitungsleser / gemerkt']).toEqual([]);
      for (const photo of shown) expect(shelves['zeitungsleser / dateien']).toContain(new URL(photo as string).pathname);
      expect(shown.every((photo) => /-400\.avif$/.test(photo as string))).toBe(true);
    });

    it('„Merken“ keeps the article, shows „Gemerkt“ pressed, and a second press removes it', async () => {
      await read(page, server.url + KEPT);
      const button = page.locator('[data-keep]');
      const pressed = async (state: string) => {
        await page.locator(`[data-keep][aria-pressed="${state}"]`).waitFor();
        return [(await button.textContent())?.trim(), (await shelvesIn(page))['zeitungsleser / gemerkt']];
      };
      expect(await pressed('false')).toEqual(['Merken', []]);
      await button.click();
      expect(await pressed('true')).toEqual(['Gemerkt', [KEPT]]);
      await button.click();
      expect(await pressed('false')).toEqual(['Merken', []]);
      await button.click();
      expect(await pressed('true')).toEqual(['Gemerkt', [KEPT]]);
      // The Gemerkt link, in the header of every page, shows where a worker runs.
      expect(await page.getByRole('link', { name: 'Gemerkt' }).getAttribute('href')).toBe('/gemerkt/');
    });

    it('keeps the last thirty articles opened, pushing out the oldest', async () => {
      for (const path of READ.slice(1)) await read(page, server.url + path);
      expect((await shelvesIn(page))['zeitungsleser / gelesen']).toEqual(READ);
    });

    it('offline: a read article, a kept article and the Gemerkt page show; an article never opened shows the offline page', async () => {
      await offline(context, async (page) => {
        const article = await page.goto(server.url + READ[1]);
        expect(article?.fromServiceWorker()).toBe(true);
        expect(await page.locator('h1').textContent()).toBe('Diplomatie: Testartikel 2');
        expect(await photosShown(page)).not.toContain('kaputt');

        await page.goto(server.url + KEPT);
        expect(await page.locator('h1').textContent()).toBe(HEADLINE);
        expect(await photosShown(page)).not.toContain('kaputt');
        await page.locator('[data-keep][aria-pressed="true"]').waitFor();

        const gemerkt = await page.goto(`${server.url}/gemerkt/`);
        expect(gemerkt?.fromServiceWorker()).toBe(true);
        const kept = page.locator('[data-shelf] li a');
        await kept.first().waitFor();
        expect(await kept.allTextContents()).toEqual([HEADLINE]);
        await kept.click();
        await page.waitForURL(server.url + KEPT);
        expect(await page.locator('h1').textContent()).toBe(HEADLINE);

        for (const path of [NEVER_OPENED, FORGOTTEN]) {
          await page.goto(server.url + path);
          expect(await page.locator('h1').textContent()).toBe('Keine Verbindung');
          const lists = page.locator('[data-shelf]');
          await lists.nth(1).locator('li').first().waitFor();
          expect(await lists.nth(0).locator('li a').allTextContents()).toEqual([HEADLINE]);
          expect(await lists.nth(1).locator('li a').count()).toBe(30);
        }
      });
    });

    it('shows a correction online on the next visit, and keeps the corrected article', async () => {
      const path = READ.at(-1)!;
      // Read a moment ago: the browser's HTTP cache holds the page for five minutes.
      await read(page, server.url + path);
      const file = join(copy.root, 'dist', path, 'index.html');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('ihre enge Verbindung', 'ihre sehr enge Verbindung'));
      await read(page, server.url + path);
      expect(await page.locator('article header p').first().textContent()).toContain('ihre sehr enge Verbindung');
      await offline(context, async (page) => {
        await page.goto(server.url + path);
        expect(await page.locator('article header p').first().textContent()).toContain('ihre sehr enge Verbindung');
      });
    });

    it('lets a new build’s worker take over and remove the old caches, while kept articles stay readable with their own photos', async () => {
      const before = await shelvesIn(page);
      const oldPages = Object.keys(before).find((name) => name.startsWith('zeitungsleser / seiten '))!;
      await page.goto(server.url + KEPT);
      const [oldPhoto] = await photosShown(page);
      const oldWorker = await (await context.request.get(`${server.url}/service-worker.js`)).text();

      // The next build has another accent colour and a new first photo.
      const css = join(copy.root, 'src/styles/global.css');
      writeFileSync(css, readFileSync(css, 'utf8').replace('--color-accent: #b30d23;', '--color-accent: #0d5bb3;'));
      const photo = join(copy.root, 'content/images/videokonferenz.jpg');
      writeFileSync(photo, await sharp(readFileSync(photo)).flop().toBuffer());
      await build();
      expect((await context.request.get(oldPhoto)).status()).toBe(404);
      expect(await (await context.request.get(`${server.url}/service-worker.js`)).text()).not.toBe(oldWorker);

      // What a reader's next visit does: the browser asks for the worker, finds a new one, and
      // that takes over once it has finished activating, old caches removed.
      const controls = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
        const next = registration.installing!;
        await new Promise<void>((resolve) => next.addEventListener('statechange', () => next.state === 'activated' && resolve()));
        return navigator.serviceWorker.controller === next;
      });
      expect(controls).toBe(true);
      const after = await shelvesIn(page);
      const newPages = Object.keys(after).find((name) => name.startsWith('zeitungsleser / seiten '))!;
      expect(newPages).not.toBe(oldPages);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).map((name) => (name === oldPages ? newPages : name)).sort());
      expect(after['zeitungsleser / gemerkt']).toEqual([KEPT]);

      await offline(context, async (page) => {
        // The kept article is the page as it was kept: that build's colours and photo.
        await page.goto(server.url + KEPT);
        expect(await page.locator('h1').textContent()).toBe(HEADLINE);
        expect(await photosShown(page)).toEqual([oldPhoto, expect.stringMatching(/-400\.avif$/)]);
        expect(await accent(page)).toBe('#b30d23');
        await page.locator('[data-keep][aria-pressed="true"]').waitFor();
        // The offline page is the new build's.
        await page.goto(server.url + NEVER_OPENED);
        expect(await page.locator('h1').textContent()).toBe('Keine Verbindung');
        expect(await accent(page)).toBe('#0d5bb3');
      });
    }, 240_000);

    it('lists kept articles on the Gemerkt page, where „Entfernen“ removes one', async () => {
      await page.goto(`${server.url}/gemerkt/`);
      const item = page.locator('[data-shelf] li');
      await item.first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await keyboardGaps(page)).toMatchObject({ unreached: [], noRing: [] });
      await page.getByRole('button', { name: `Entfernen „${HEADLINE}“` }).click();
      await expect.poll(() => page.locator('[data-shelf-status]').textContent()).toBe(`„${HEADLINE}“ entfernt. Noch keine Artikel gemerkt.`);
      expect(await item.count()).toBe(0);
      expect((await shelvesIn(page))['zeitungsleser / gemerkt']).toEqual([]);
      await read(page, server.url + KEPT);
      expect(await page.locator('[data-keep]').getAttribute('aria-pressed')).toBe('false');
    });

    it('asks nothing of any other origin, sends nothing but page and file requests, and sets no cookie', async () => {
      expect(requests.length).toBeGreaterThan(100);
      expect(requests.filter((request) => !request.startsWith(`GET ${server.url}/`))).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    });
  });

  describe('under a sub-path', () => {
    let server: Server;
    beforeAll(async () => {
      server = await serveStatic(SUB_PATH_SITE, SUB_PATH);
    });
    afterAll(async () => server?.close());

    it('runs its worker at the base, for the base, and reads offline there', async () => {
      const context = await browser.newContext({ viewport: VIEWPORTS.phone });
      const page = await context.newPage();
      const article = `${server.url}${SUB_PATH}${ARTICLE_PATH.slice(1)}`;
      await read(page, article);
      const registration = await page.evaluate(async () => {
        const { scope, active } = await navigator.serviceWorker.ready;
        return { scope, script: active?.scriptURL };
      });
      expect(registration).toEqual({ scope: `${server.url}${SUB_PATH}`, script: `${server.url}${SUB_PATH}service-worker.js` });
      expect((await shelvesIn(page))['zeitungsleser /zeitung/ gelesen']).toEqual([`${SUB_PATH}${ARTICLE_PATH.slice(1)}`]);
      expect(await page.getByRole('link', { name: 'Gemerkt' }).getAttribute('href')).toBe(`${SUB_PATH}gemerkt/`);
      await offline(context, async (page) => {
        await page.goto(article);
        expect(await page.locator('h1').textContent()).toBe(HEADLINE);
        await page.goto(`${server.url}${SUB_PATH}politik/`);
        expect(await page.locator('h1').textContent()).toBe('Keine Verbindung');
      });
      await context.close();
    });
  });

  describe('at the domain root', () => {
    let server: Server;
    beforeAll(async () => {
      server = await serveStatic(BUILT_SITE);
      mkdirSync('test-results/screenshots', { recursive: true });
    });
    afterAll(async () => server?.close());

    it.each<[string, BrowserContextOptions]>([
      ['JavaScript switched off', { javaScriptEnabled: false }],
      ['service workers blocked', { serviceWorkers: 'block' }],
    ])('with %s, reads as before, without „Merken“ or the Gemerkt link', async (_case, options) => {
      const context = await browser.newContext({ viewport: VIEWPORTS.phone, ...options });
      const page = await context.newPage();
      await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
      // With scripts running, the listen button shows once they have: only then does a hidden one mean anything.
      if (options.javaScriptEnabled !== false) await page.locator('[data-listen]').waitFor({ state: 'visible' });
      expect(await page.locator('article .article-text p').count()).toBe(18);
      expect(await page.locator('[data-keep]').isVisible()).toBe(false);
      expect(await page.locator('[data-kept-link]').isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Gemerkt' }).count()).toBe(0);
      await context.close();
    });

    it.each(Object.entries(VIEWPORTS))('shows „Merken“ and the Gemerkt link without shifting anything at %s width (CLS 0)', async (width, viewport) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await recordLayoutShifts(page);
      await page.goto(server.url + ARTICLE_PATH);
      await Promise.all([page.locator('[data-keep]').waitFor({ state: 'visible' }), page.locator('[data-kept-link]').waitFor({ state: 'visible' })]);
      await scrollThrough(page);
      expect(await layoutShiftTotal(page), (await shiftedElements(page)).join('\n')).toBe(0);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `test-results/screenshots/article-merken-${width}.png` });
      await page.locator('[data-keep]').click();
      await page.locator('[data-keep][aria-pressed="true"]').waitFor();
      await page.goto(`${server.url}/gemerkt/`);
      await page.locator('[data-shelf] li').first().waitFor();
      await page.screenshot({ path: `test-results/screenshots/gemerkt-${width}.png`, fullPage: true });
      await context.close();
    });
  });
});

import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, VIEWPORTS } from '../support/browser.ts';
import { NEWSROOM_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH } from '../support/dist.ts';
import {
  axeViolations,
  headingLevels,
  keyboardGaps,
  landmarks,
  layoutShiftTotal, shiftedElements,
  recordLayoutShifts,
  scrollThrough,
  slowCpu,
} from '../support/page-checks.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { serveStatic } from '../support/static-server.ts';

const chromiumFound = chromiumAvailable();

const CASES = Object.entries(PAGE_TYPES).flatMap(([type, page]) =>
  Object.entries(VIEWPORTS).map(([width, viewport]) => ({ name: `${type} at ${width} width`, type, width, viewport, ...page })),
);

describe.runIf(chromiumFound)('every page type in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(NEWSROOM_SITE)]);
    mkdirSync('test-results/screenshots', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, its CPU `slowdown` times slower, and records whatever a reader's browser would complain about. */
  async function open(path: string, viewport: (typeof VIEWPORTS)[keyof typeof VIEWPORTS], status: number, slowdown = 1) {
    const page = await browser.newPage({ viewport });
    if (slowdown > 1) await slowCpu(page, slowdown);
    const url = server.url + path;
    const problems: string[] = [];
    page.on('console', (message) => {
      const expected404 = status === 404 && message.location().url === url;
      if (message.type() === 'error' && !expected404) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => !request.url().startsWith(server.url) && problems.push(`outside request: ${request.url()}`));
    page.on('response', (answer) => answer.status() >= 400 && answer.url() !== url && problems.push(`${answer.status()}: ${answer.url()}`));
    await recordLayoutShifts(page);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(status);
    return { page, problems };
  }

  it.each(CASES)('$name: no error, no outside request, no axe violation, sound structure, all controls by keyboard', async ({ path, viewport, status }) => {
    const { page, problems } = await open(path, viewport, status);
    await scrollThrough(page);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await axeViolations(page)).toEqual([]);

    const levels = await headingLevels(page);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    expect(levels.every((level, index) => index === 0 || level <= levels[index - 1] + 1)).toBe(true);

    const found = await landmarks(page);
    expect({ banner: found.banner, main: found.main, contentinfo: found.contentinfo }).toEqual({ banner: 1, main: 1, contentinfo: 1 });
    expect(found.navs.every(Boolean)).toBe(true);
    expect(new Set(found.navs).size).toBe(found.navs.length);

    await page.evaluate(() => scrollTo(0, 0));
    const keyboard = await keyboardGaps(page);
    expect(keyboard.controls).toBeGreaterThanOrEqual(5);
    expect(keyboard).toMatchObject({ unreached: [], noRing: [] });
    await page.close();
  });

  it.each(Object.entries(VIEWPORTS).flatMap(([width, viewport]) => [1, 4].map((slowdown) => [width, slowdown, viewport] as const)))(
    'the article does not shift while it loads and scrolls at %s width, its CPU slowed %i× (CLS 0)', async (width, slowdown, viewport) => {
    const { page, problems } = await open(ARTICLE_PATH, viewport, 200, slowdown);
    await scrollThrough(page);
    expect(problems).toEqual([]);
    expect(await layoutShiftTotal(page), (await shiftedElements(page)).join('\n')).toBe(0);
    const images = await page.$$eval('article figure img', (imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(images.length).toBe(2);
    expect(images.every((naturalWidth) => naturalWidth > 0)).toBe(true);
    if (slowdown === 1) await page.screenshot({ path: `test-results/screenshots/article-${width}.png`, fullPage: true });
    await page.close();
  });

  it.each(Object.entries(VIEWPORTS))('the breadcrumb keeps its lines while the article is still arriving, at %s width', async (_width, viewport) => {
    const html = await (await fetch(server.url + ARTICLE_PATH)).text();
    const current = '<span aria-current="page" class="line-clamp-1">';
    const cut = html.indexOf(current) + current.length;
    expect(cut).toBeGreaterThan(current.length);
    const page = await browser.newPage({ viewport });
    const topOfCurrent = async (document: string) => {
      await page.setContent(document, { waitUntil: 'domcontentloaded' });
      return page.locator('nav[aria-label="Brotkrümelnavigation"] li').last().evaluate((li) => li.getBoundingClientRect().top);
    };
    // As the browser lays it out when a packet ends inside the current page's name, and once all is there.
    expect(await topOfCurrent(html.slice(0, cut))).toBe(await topOfCurrent(html));
    await page.close();
  });

  // Cut after its headline, and inside its footer: a footer painted before its links came grew
  // upwards on a short page once they did (a layout shift Lighthouse saw on the home page).
  it.each(['</h1>', '</footer>'])('paints nothing of the article until all of it has arrived, so it is laid out once, before the reader can tap: cut before %s', async (before) => {
    const html = await (await fetch(server.url + ARTICLE_PATH)).text();
    const cut = html.indexOf(before);
    expect(cut).toBeGreaterThan(0);
    // The article up to the cut, then the rest once the browser has had its chance to paint.
    let sendRest!: () => void;
    const rest = new Promise<void>((resolve) => (sendRest = resolve));
    const stalled = createServer(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).write(html.slice(0, cut));
      await rest;
      response.end(html.slice(cut));
    }).listen(0, '127.0.0.1');
    await once(stalled, 'listening');
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    try {
      await page.goto(`http://127.0.0.1:${(stalled.address() as AddressInfo).port}/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('main h1'), undefined, { polling: 50 });
      // A page that does not wait paints now (within a frame or two); a machine too busy for
      // that in a second could only let a page that does not wait pass, never fail one that does.
      await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0, undefined, { polling: 50, timeout: 1000 }).catch(() => undefined);
      sendRest();
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const { firstPaint, lastByte } = await page.evaluate(() => ({
        firstPaint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        lastByte: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
      }));
      expect(firstPaint).toBeGreaterThanOrEqual(lastByte);
    } finally {
      sendRest();
      await page.close();
      stalled.close();
    }
  });

  it('the probes see what they look for: a shift, a missing focus ring, an unreachable control', async () => {
    const { page } = await open(ARTICLE_PATH, VIEWPORTS.phone, 200);
    await page.evaluate(() => document.querySelector('article')!.prepend(Object.assign(document.createElement('div'), { style: 'height:200px' })));
    // Read at once: the total waits for the frames that report the shift.
    expect(await layoutShiftTotal(page)).toBeGreaterThan(0);
    // The failure message names what moved, by its words or its tag, and where the page was scrolled.
    expect((await shiftedElements(page)).join('\n')).toMatch(/scrolled to 0, shift 0\.\d+: ("[^"]+" in )?<\w+/);
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('a, button').forEach((control) => control.style.setProperty('outline', 'none', 'important')));
    await page.evaluate(() => document.querySelector('[data-listen]')!.setAttribute('tabindex', '-1'));
    const keyboard = await keyboardGaps(page);
    expect(keyboard.noRing.length).toBeGreaterThan(0);
    expect(keyboard.unreached.some((control) => control.includes('data-listen'))).toBe(true);
    await page.close();
  });
});

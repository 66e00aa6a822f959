import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { NEWSROOM_SITE } from '../support/build-site.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { serveStatic } from '../support/static-server.ts';
import { applyTextSpacing, spacingProblems } from '../support/text-spacing.ts';

/** The narrowest screen WCAG asks a page to work on (1.4.10 Reflow), and a laptop's. */
const WIDTHS = { '320 px': { width: 320, height: 640 }, '1280 px': { width: 1280, height: 900 } };

const CASES = Object.entries(PAGE_TYPES).flatMap(([type, { path }]) => Object.entries(WIDTHS).map(([width, viewport]) => ({ type, width, path, viewport })));

describe.runIf(chromiumAvailable())('text spacing (WCAG 1.4.12): line height 1.5, paragraphs 2×, letters 0.12 em, words 0.16 em', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(NEWSROOM_SITE)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(CASES)('$type at $width: no sideways scroll, nothing clipped, no text on other text', async ({ path, viewport }) => {
    const page = await browser.newPage({ viewport });
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await applyTextSpacing(page);
    expect(await spacingProblems(page)).toEqual({ sideways: 0, clipped: [], overlapping: [] });
    await page.close();
  });

  it('the probe sees what it looks for: a wide word, a cut-off box, a line on a line', async () => {
    const page = await browser.newPage({ viewport: WIDTHS['320 px'] });
    await page.goto(server.url + PAGE_TYPES.article.path, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.append(Object.assign(document.createElement('p'), { textContent: 'Donaudampfschifffahrtsgesellschaftskapitänsmütze', style: 'white-space: nowrap' }));
      main.append(Object.assign(document.createElement('div'), { textContent: 'Zu viel Text für eine Zeile von fünfzig Pixeln', style: 'height: 1em; width: 50px; overflow: hidden' }));
      main.append(Object.assign(document.createElement('p'), { textContent: 'Darunter liegt noch etwas', style: 'margin-top: -1em' }));
    });
    const problems = await spacingProblems(page);
    expect(problems.sideways).toBeGreaterThan(0);
    expect(problems.clipped).toEqual(['div. „Zu viel Text für eine Zeile von fünfzig “']);
    expect(problems.overlapping).toContain('div. „Zu viel Text für eine Zeile von fünfzig “ / p. „Darunter liegt noch etwas“');
    await page.close();
  });
});

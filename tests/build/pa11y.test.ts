import puppeteer, { type Browser } from 'puppeteer';
import pa11y from 'pa11y';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser.ts';
import { NEWSROOM_SITE } from '../support/build-site.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import { serveStatic } from '../support/static-server.ts';

describe.runIf(chromiumAvailable())('pa11y, with HTML_CodeSniffer and axe, WCAG 2 AA', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    // Debian's Chromium, as for every browser test: pa11y's puppeteer never downloads one of its own.
    [browser, server] = await Promise.all([puppeteer.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }), serveStatic(NEWSROOM_SITE)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(Object.entries(PAGE_TYPES))('%s: no error', async (_type, { path }) => {
    const { issues } = await pa11y(server.url + path, { standard: 'WCAG2AA', runners: ['htmlcs', 'axe'], browser, timeout: 60_000 });
    expect(issues.filter((issue) => issue.type === 'error').map(({ runner, code, selector, message }) => `${runner} ${code} ${selector}: ${message}`)).toEqual([]);
  });
});

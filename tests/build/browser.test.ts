import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, VIEWPORTS } from '../support/browser.ts';
import { BUILT_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH } from '../support/dist.ts';
import { serveStatic } from '../support/static-server.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const chromiumFound = hasChromium();
if (!chromiumFound) {
  // Under CI a missing browser is a failure, not a quiet skip.
  if (process.env.CI) throw new Error('Chromium not found at /usr/bin/chromium: install it with `apt-get install -y chromium`');
  console.warn('\n*** Chromium not found: the browser tests are SKIPPED. Install it with `apt-get install -y chromium`. ***\n');
}

describe.runIf(chromiumFound)('the article in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(BUILT_SITE)]);
    mkdirSync('test-results/screenshots', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(Object.entries(VIEWPORTS))('reads cleanly at %s width, with no error, no outside request, no sideways scrolling', async (name, viewport) => {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (answer) => answer.status() >= 400 && problems.push(`${answer.status()}: ${answer.url()}`));
    page.on('request', (request) => !request.url().startsWith(server.url) && problems.push(`outside request: ${request.url()}`));
    const response = await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    // Scroll through so lazy images load too.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    const images = await page.$$eval('article figure img', (imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(images.every((width) => width > 0)).toBe(true);
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/article-${name}.png`, fullPage: true });
    await page.close();
  });

  it('"Artikel anhören" reads headline, lead and body aloud in German', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      Object.assign(window, { spoken });
      speechSynthesis.speak = (utterance) => void spoken.push({ text: utterance.text, lang: utterance.lang });
    });
    await page.goto(server.url + ARTICLE_PATH);
    const button = page.getByRole('button', { name: 'Artikel anhören' });
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const spoken = (await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken));
    expect(spoken[0].text.replace(/\s+/g, ' ').trim()).toBe('Diplomatie: Xi und Putin sprechen per Videoschalte');
    expect(spoken[1].text).toMatch(/^Der chinesische Staatschef/);
    expect(spoken.some((part) => part.text.startsWith('Die Ukraine in den Veröffentlichungen'))).toBe(true);
    expect(spoken.every((part) => part.lang === 'de-DE')).toBe(true);
    expect(spoken.some((part) => /Foto: AP|Anzeige|Jörg Wuttke/.test(part.text))).toBe(false);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});

import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { load } from 'cheerio';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, VIEWPORTS } from '../support/browser.ts';
import { BUILT_SITE, SUB_PATH, SUB_PATH_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH, fileFor } from '../support/dist.ts';
import { axeViolations } from '../support/page-checks.ts';
import { pageJavaScriptSources } from '../support/page-scripts.ts';
import { serveStatic } from '../support/static-server.ts';

/**
 * How long a search may take to answer: Pagefind fetches and decodes its index first, slowly
 * on a machine busy with builds beside the test (it answers in well under a second alone).
 */
const SEARCH_TIMEOUT = 15_000;

interface Spoken {
  text: string;
  lang: string;
}

describe('the article page’s JavaScript', () => {
  it('stays under 3 KB compressed, the modules it imports included', () => {
    const sources = pageJavaScriptSources(load(readFileSync(fileFor(ARTICLE_PATH), 'utf8')), ARTICLE_PATH);
    expect(sources.length).toBeGreaterThan(0);
    expect(brotliCompressSync(sources.join('\n')).length).toBeLessThan(3 * 1024);
  });
});

describe.runIf(chromiumAvailable())('reader features in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let subPathServer: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    [browser, server, subPathServer] = await Promise.all([launchChromium(), serveStatic(BUILT_SITE), serveStatic(SUB_PATH_SITE, SUB_PATH)]);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), subPathServer?.close()]);
  });

  async function open(path: string, options: BrowserContextOptions = {}, init?: () => void) {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    if (init) await page.addInitScript(init);
    await page.goto((path.startsWith(SUB_PATH) ? subPathServer.url : server.url) + path, { waitUntil: 'networkidle' });
    return { page, errors, close: () => context.close() };
  }

  it('"Artikel anhören" reads headline, lead and body in German, marks the paragraph, pauses, resumes and stops', async () => {
    const { page, errors, close } = await open(ARTICLE_PATH, {}, () => {
      const spoken: { text: string; lang: string }[] = [];
      const calls: string[] = [];
      Object.assign(window, { spoken, calls });
      speechSynthesis.speak = (utterance) => {
        spoken.push({ text: utterance.text, lang: utterance.lang });
        if (spoken.length === 3) utterance.onstart?.(new Event('start') as SpeechSynthesisEvent);
      };
      speechSynthesis.pause = () => void calls.push('pause');
      speechSynthesis.resume = () => void calls.push('resume');
      speechSynthesis.cancel = () => void calls.push('cancel');
    });
    const play = page.locator('[data-listen]');
    const stop = page.getByRole('button', { name: 'Stopp' });
    await expect.poll(() => play.isVisible()).toBe(true);
    await play.click();
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    expect(await play.textContent()).toContain('Pause');
    const spoken = await page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
    expect(spoken[0].text.replace(/\s+/g, ' ').trim()).toBe('Diplomatie: Xi und Putin sprechen per Videoschalte');
    expect(spoken[1].text).toMatch(/^Der chinesische Staatschef/);
    expect(spoken[2].text).toMatch(/^Moskau, Peking, Düsseldorf\. Chinas/);
    expect(spoken.some((part) => part.text.startsWith('Die Ukraine in den Veröffentlichungen'))).toBe(true);
    expect(spoken.every((part) => part.lang === 'de-DE')).toBe(true);
    expect(spoken.some((part) => /Foto: AP|Anzeige|Jörg Wuttke|Unsere Partner/.test(part.text))).toBe(false);
    expect(await page.locator('[data-reading]').textContent()).toMatch(/^Moskau, Peking, Düsseldorf\./);

    await play.click();
    expect(await play.textContent()).toContain('Weiter');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    await play.click();
    expect(await play.textContent()).toContain('Pause');
    await stop.click();
    expect(await play.textContent()).toContain('Artikel anhören');
    expect(await stop.isVisible()).toBe(false);
    expect(await page.locator('[data-reading]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { calls: string[] }).calls)).toEqual(['pause', 'resume', 'cancel']);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps "Artikel anhören" out of sight where the browser cannot speak', async () => {
    const { page, errors, close } = await open(ARTICLE_PATH, {}, () => {
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      // Hidden is also what a script that never ran shows: note when it looks for its button.
      const queried: string[] = [];
      const querySelector = Document.prototype.querySelector;
      Document.prototype.querySelector = function (this: Document, selector: string) {
        queried.push(selector);
        return querySelector.call(this, selector);
      } as typeof querySelector;
      Object.assign(window, { queried });
    });
    const queried = () => page.evaluate(() => (window as unknown as { queried: string[] }).queried);
    await expect.poll(queried, { timeout: 30_000, message: 'the listen script has run' }).toContain('[data-listener]');
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    expect(await page.locator('[data-listen]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(Object.entries(VIEWPORTS))('follows the dark colour scheme with enough contrast at %s width', async (_width, viewport) => {
    for (const path of [ARTICLE_PATH, '/']) {
      const { page, close } = await open(path, { colorScheme: 'dark', viewport });
      const colours = await page.evaluate(() => ({ paper: getComputedStyle(document.body).backgroundColor, ink: getComputedStyle(document.body).color }));
      expect(colours).toEqual({ paper: 'rgb(20, 22, 24)', ink: 'rgb(233, 231, 227)' });
      expect(await axeViolations(page)).toEqual([]);
      await close();
    }
  });

  it('prints the article without ads, buttons, navigation or partners, with its address and date', async () => {
    const { page, close } = await open(ARTICLE_PATH, { viewport: VIEWPORTS.desktop });
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.$$eval(selector, (elements) => elements.filter((element) => element.getClientRects().length > 0).length);
    for (const selector of ['[data-ad-slot]', 'button', 'nav', 'footer', '[aria-labelledby="unsere-partner"]']) expect(await shown(selector), selector).toBe(0);
    expect(await shown('article .article-text p')).toBe(18);
    expect(await page.locator('text=Online: https://zeitungsleser.example/politik/international/xi-und-putin-sprechen-per-videoschalte/').isVisible()).toBe(true);
    expect(await page.locator('article header time').isVisible()).toBe(true);
    await close();
  });

  it('"Teilen" copies the link where the browser has no share sheet, and says so', async () => {
    const { page, close } = await open(ARTICLE_PATH, { permissions: ['clipboard-read', 'clipboard-write'] }, () => {
      Object.defineProperty(navigator, 'share', { value: undefined });
    });
    await page.getByRole('button', { name: 'Teilen' }).click();
    await expect.poll(() => page.locator('[data-share-status]').textContent()).toBe('Link kopiert');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'https://zeitungsleser.example/politik/international/xi-und-putin-sprechen-per-videoschalte/',
    );
    await close();
  });

  it('"Teilen" uses the system share sheet where there is one', async () => {
    const { page, close } = await open(ARTICLE_PATH, {}, () => {
      Object.defineProperty(navigator, 'share', { value: (data: object) => Promise.resolve(void Object.assign(window, { shared: data })) });
    });
    await page.getByRole('button', { name: 'Teilen' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { shared?: { url: string } }).shared?.url)).toBe(
      'https://zeitungsleser.example/politik/international/xi-und-putin-sprechen-per-videoschalte/',
    );
    await close();
  });

  it.each([
    ['at the domain root', '/suche/', ARTICLE_PATH],
    ['under a sub-path', `${SUB_PATH}suche/`, `${SUB_PATH}${ARTICLE_PATH.slice(1)}`],
  ])('search finds the article by a word of its body, German word forms included, %s', async (_where, searchPath, articlePath) => {
    const { page, errors, close } = await open(searchPath);
    for (const word of ['Gabuev', 'Staatsfernsehens']) {
      await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill(word);
      await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: SEARCH_TIMEOUT }).toBe(`1 Treffer für „${word}“`);
      expect(await page.locator('[data-search-results] a').getAttribute('href')).toBe(articlePath);
    }
    await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Bundesliga');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: SEARCH_TIMEOUT }).toBe('0 Treffer für „Bundesliga“');
    expect(errors).toEqual([]);
    await close();
  });

  it('runs under the site’s Content-Security-Policy, which stops an injected inline script', async () => {
    const { page, errors, close } = await open(ARTICLE_PATH);
    const violations: string[] = [];
    page.on('console', (message) => message.type() === 'error' && violations.push(message.text()));
    expect(await page.locator('[data-listen]').isVisible()).toBe(true);
    const ran = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          // An allowed inline script runs as it is appended; a blocked one fires the violation event.
          document.addEventListener('securitypolicyviolation', () => resolve(false), { once: true });
          document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.injected = true' }));
          if ((window as { injected?: boolean }).injected) resolve(true);
        }),
    );
    expect(ran).toBe(false);
    await expect.poll(() => violations.some((text) => text.includes('Content Security Policy')), { timeout: 30_000 }).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('reads perfectly with JavaScript switched off', async () => {
    const { page, close } = await open(ARTICLE_PATH, { javaScriptEnabled: false });
    expect(await page.locator('article .article-text p').count()).toBe(18);
    expect(await page.locator('article figure img').first().isVisible()).toBe(true);
    expect(await page.locator('[data-listen]').isVisible()).toBe(false);
    expect(await page.locator('[data-share]').isVisible()).toBe(false);
    await close();
  });
});

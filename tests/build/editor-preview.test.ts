import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { ARTICLE_PATH } from '../support/dist.ts';
import { type DevServer, devServerConnected, startDevServer } from '../support/dev-server.ts';
import { copySite } from '../support/site-copy.ts';
import { addUnpublishedArticles, BEFORE_RELEASE, DRAFT, EMBARGOED, REAL_ARTICLE } from '../support/unpublished-articles.ts';

const copy = copySite();
let server: DevServer;
let browser: Browser;
let page: Page;

/** Replaces `from` with `to` in a file of the copy, as an editor's save would; returns how to undo it. */
function edit(file: string, from: string, to: string) {
  const path = join(copy.root, file);
  const before = readFileSync(path, 'utf8');
  expect(before).toContain(from);
  writeFileSync(path, before.replace(from, to));
  return () => writeFileSync(path, before);
}
/** The line of the file on which `text` stands. */
const lineOf = (file: string, text: string) => readFileSync(join(copy.root, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
/** The text of a part of Astro's error overlay, once the overlay is there. */
const overlayText = async (part: string) => (await page.locator(`vite-error-overlay ${part}`).textContent())?.trim();

describe.runIf(chromiumAvailable())('the editor’s preview under astro dev', () => {
  beforeAll(async () => {
    addUnpublishedArticles(copy.root);
    // „Now“ fixed before the embargo's end, as a build under SOURCE_DATE_EPOCH would see it.
    // One after the other: if one fails to start, the other is there for afterAll to stop.
    server = await startDevServer(copy.root, { SOURCE_DATE_EPOCH: BEFORE_RELEASE });
    browser = await launchChromium();
    page = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
    copy.remove();
  });

  it('shows a draft marked „Entwurf“ and an embargoed article with the end of its embargo, and reloads neither by itself', async () => {
    // The first pages to connect: Vite hands them any reload sent while no page was open, which
    // cuts the next navigation short. The frame would come right after `connected`.
    const frames: string[] = [];
    const record = (socket: WebSocket) => socket.on('framereceived', ({ payload }) => frames.push(String(payload)));
    page.on('websocket', record);
    for (const [article, mark] of [
      [DRAFT, 'Entwurf'],
      [EMBARGOED, 'Sperrfrist bis 22.01.2025 - 06:00 Uhr'],
    ] as const) {
      const connected = devServerConnected(page);
      expect((await page.goto(server.url + article.path))?.status()).toBe(200);
      expect(await page.locator('main h1').textContent()).toContain(article.title);
      expect(await page.locator('[data-preview-notice] strong').textContent()).toBe(mark);
      await connected;
    }
    page.off('websocket', record);
    expect(frames.filter((frame) => frame.includes('full-reload'))).toEqual([]);
  });

  it('shows an article’s photos, made when the page first asks for them', async () => {
    await page.goto(server.url + ARTICLE_PATH);
    const sources = await page.locator('article figure picture source').evaluateAll((elements) => elements.map((source) => source.getAttribute('srcset')!.split(' ')[0]));
    expect(sources).toHaveLength(2);
    for (const source of sources) {
      const response = await fetch(server.url + source);
      expect(response.status, source).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/avif');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
    expect((await fetch(`${server.url}${sources[0].replace(/-\d+\.avif$/, '-999.avif')}`)).status).toBe(404);
  });

  it('lists the warnings about an article at the top of its page', async () => {
    await page.goto(server.url + ARTICLE_PATH);
    const lineOfTeaser = (slug: string) => lineOf(REAL_ARTICLE, `article: ${slug}`);
    expect(await page.locator('[data-preview-notice] li').allTextContents()).toEqual([
      `${REAL_ARTICLE}:${lineOfTeaser(EMBARGOED.slug)}: related[0].article: "${EMBARGOED.slug}" is not published (Sperrfrist bis 22.01.2025 - 06:00 Uhr): until it is, the teaser is shown without a link`,
      `${REAL_ARTICLE}:${lineOfTeaser(DRAFT.slug)}: related[1].article: "${DRAFT.slug}" is not published (Entwurf): until it is, the teaser is shown without a link`,
    ]);
  });

  it('shows a save on the open page by itself, one to the body alone as one to the front matter', async () => {
    const mainText = () => page.locator('main').textContent();
    /** Makes `change`, and waits until the open page has loaded again by itself and is connected to the server again. */
    const reloadedBy = async (change: () => void) => {
      const connected = devServerConnected(page);
      const loaded = page.waitForEvent('load', { timeout: 30_000 });
      change();
      await loaded;
      await connected;
    };
    await reloadedBy(() => void page.goto(server.url + ARTICLE_PATH));
    for (const [from, to] of [
      // Kept beside Astro's content store, which Astro would otherwise write and load again.
      ['hält das Timing für taktisch gewählt', 'hält das Timing für taktisch gespeichert'],
      ['title: Xi und Putin sprechen per Videoschalte', 'title: Xi und Putin sprechen gespeichert'],
    ]) {
      let undo = () => {};
      await reloadedBy(() => (undo = edit(REAL_ARTICLE, from, to)));
      expect(await mainText()).toContain(to.replace('title: ', ''));
      await reloadedBy(undo);
      expect(await mainText()).toContain(from.replace('title: ', ''));
    }
  });

  describe.each([
    ['the front matter', REAL_ARTICLE, 'updated: 2025-01-21T15:44:00+01:00', 'updated: 2025-13-45T15:44:00+01:00', 'updated: 2025-13-45 is an impossible date: there is no month 13', '/'],
    ['a body directive', REAL_ARTICLE, '::ad{slot="article-2"}', '::add{slot="article-2"}', 'Unknown directive `::add`', ARTICLE_PATH],
    ['a data file', 'content/authors.yaml', '  name: Sabine Gusbeth', '  nme: Sabine Gusbeth', '[0].nme: is not a field authors have; check its spelling', '/autoren/sabine-gusbeth/'],
    ['a missing photo', REAL_ARTICLE, 'src: ../images/oval-office.jpg', 'src: ../images/fehlt.jpg', 'images[1].src: no image file at "../images/fehlt.jpg"', '/themen/usa/'],
  ])('a mistake in %s', (_where, file, from, to, reason, path) => {
    let undo: () => void;
    let line: number;
    let connected: Promise<void>;

    // How soon (the README's „within a second“) is measured by `npm run bench`, not here: a test
    // must hold on a busy machine, where the dev server gets a fraction of a core.
    it('shows on the next page load after the save, with file, line and reason, in Astro’s overlay', async () => {
      line = lineOf(file, from);
      // No page is open while the file is saved: the next one loaded must show the mistake.
      await page.goto('about:blank');
      undo = edit(file, from, to);
      await vi.waitFor(async () => expect((await fetch(server.url + path)).status).toBe(500), { timeout: 30_000, interval: 20 });
      connected = devServerConnected(page);
      expect((await page.goto(server.url + path))?.status()).toBe(500);
      expect(await overlayText('#message-content')).toContain(`${file}:${line}: ${reason}`);
      expect(await overlayText('#code header h2')).toBe(`${basename(join(file, '..'))}/${basename(file)}:${line}`);
      expect(await overlayText('.error-line')).toBe(to.trim());
    });

    it('is gone once a save fixes it: the open page comes back by itself', async () => {
      // A save made before the page's connection is up (on a busy machine, a while after load)
      // would find no page to reload.
      await connected;
      undo();
      await expect.poll(() => page.locator('main').count(), { timeout: 30_000 }).toBe(1);
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
      expect((await page.reload())?.status()).toBe(200);
    });

    it('was logged once for its save', () => {
      expect(server.output().split(`${file}:${line}: ${reason}`).length - 1).toBe(1);
    });
  });
});

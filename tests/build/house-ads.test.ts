import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AD_FORMATS, type AdFormat } from '../../src/lib/ads/formats.ts';
import { houseAdsIn, slotStates, slotsOnDisk } from '../support/ad-checks.ts';
import { chromiumAvailable, launchChromium, VIEWPORTS } from '../support/browser.ts';
import { BUILT_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH, loadPage } from '../support/dist.ts';
import { layoutShiftTotal, shiftedElements, recordLayoutShifts, scrollThrough, slowCpu } from '../support/page-checks.ts';
import { pageModules, SCRIPT_MODULES } from '../support/page-scripts.ts';
import { serveStatic } from '../support/static-server.ts';

const ARTICLE_FILE = `${ARTICLE_PATH.slice(1)}index.html`;
const houseAds = houseAdsIn();

describe('house ads in the built site', () => {
  const slots = slotsOnDisk(BUILT_SITE);

  it('fill every ad slot on every page that has slots with one house ad of the slot’s format', () => {
    expect(slots.filter((slot) => slot.page === ARTICLE_FILE).map((slot) => slot.slot)).toEqual(['article-1', 'article-2', 'sidebar']);
    for (const slot of slots) {
      expect(slot.houseAds, `${slot.page}: ${slot.slot}`).toHaveLength(1);
      expect(houseAds.get(slot.houseAds[0])?.formats, `${slot.page}: ${slot.slot}`).toContain(slot.format);
    }
  });

  it('show a page each creative once while there are creatives enough', () => {
    const shown = slots.filter((slot) => slot.page === ARTICLE_FILE).flatMap((slot) => slot.houseAds);
    expect(houseAds.size).toBeGreaterThanOrEqual(shown.length);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('link within the site without a sponsored mark (links to other sites are tested with the provider)', () => {
    for (const slot of slots) {
      expect(slot.href).toMatch(/^\/(?!\/)/);
      expect(slot.rel).toBeUndefined();
    }
  });

  it('are plain HTML: the article page runs the scripts of its buttons, header and layout, and no other', () => {
    expect(pageModules(loadPage(ARTICLE_PATH), ARTICLE_PATH)).toEqual(['BaseLayout', 'KeepButton', 'KeptLink', 'ListenButton', 'ShareButton']);
  });

  it('know each component’s and layout’s script by what it alone holds', () => {
    const scripts = Object.fromEntries(
      ['src/components', 'src/layouts'].flatMap((folder) =>
        readdirSync(folder).map((file) => [file.replace('.astro', ''), /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(folder, file), 'utf8'))?.[1]]),
      ),
    );
    expect(Object.keys(scripts).filter((name) => scripts[name]).sort()).toEqual(Object.keys(SCRIPT_MODULES));
    for (const [name, marker] of Object.entries(SCRIPT_MODULES)) {
      expect(Object.keys(scripts).filter((other) => scripts[other]?.includes(marker)), marker).toEqual([name]);
    }
  });
});

describe.runIf(chromiumAvailable())('house ads in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(BUILT_SITE)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(options: BrowserContextOptions, prepare?: (page: import('playwright-core').Page) => Promise<unknown>) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await recordLayoutShifts(page);
    await prepare?.(page);
    return { page, close: () => context.close() };
  }

  it.each([1, 4])('load ad images at once only where the slot is in the first viewport, show each slot at its IAB size, and never shift, the CPU slowed %i×', async (slowdown) => {
    const placed: string[] = [];
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      // A high-density screen takes the images at twice their size: those must not be cut otherwise.
      const { page, close } = await open({ viewport, deviceScaleFactor: 2 }, (page) => slowCpu(page, slowdown));
      await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
      const atLoad = await page.$$eval('[data-ad-slot]', (elements) =>
        elements
          .filter((slot) => slot.getClientRects().length > 0)
          .map((slot) => ({
            id: (slot as HTMLElement).dataset.adSlot,
            firstViewport: slot.querySelector('[data-ad-box]')!.getBoundingClientRect().top < innerHeight,
            loading: slot.querySelector('img')!.getAttribute('loading'),
          })),
      );
      for (const slot of atLoad) {
        expect(slot.loading, `${slot.id} at ${width} width`).toBe(slot.firstViewport ? 'eager' : 'lazy');
        placed.push(`${slot.id}: ${slot.firstViewport ? 'first viewport' : 'below'}`);
      }

      await scrollThrough(page);
      for (const slot of (await slotStates(page)).filter((state) => state.shown)) {
        const { width: boxWidth, height: boxHeight } = AD_FORMATS[slot.format as AdFormat];
        expect(slot.box, slot.id).toEqual({ width: boxWidth, height: boxHeight });
        expect(slot.label).toBe('Anzeige');
        expect(slot.link, slot.id).toMatchObject({ width: boxWidth, height: boxHeight });
        expect(slot.unloadedImages, slot.id).toBe(0);
        // The image fills its box, cut to it, with a file of at least two pixels to each of its own.
        const [image] = slot.images;
        expect(slot.images).toHaveLength(1);
        expect(image.width, slot.id).toBe(boxWidth);
        expect(image.pixels.width / (2 * image.width), slot.id).toBeGreaterThanOrEqual(1);
        expect(image.pixels.height / (2 * image.height), slot.id).toBeGreaterThanOrEqual(1);
      }
      expect(await layoutShiftTotal(page), (await shiftedElements(page)).join('\n')).toBe(0);
      await close();
    }
    // Both cases were met: the sidebar beside the headline, and the slots in the text.
    expect(placed).toContain('sidebar: first viewport');
    expect(placed).toContain('article-1: below');
  });

  it('let the headline and text paint while every ad image is still on its way', async () => {
    const $ = loadPage(ARTICLE_PATH);
    const adImages = new Set(
      $('[data-ad-slot] img, [data-ad-slot] source')
        .toArray()
        .flatMap((image) => [$(image).attr('src'), ...($(image).attr('srcset') ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0])])
        .filter((url): url is string => Boolean(url)),
    );
    const held: Route[] = [];
    const { page, close } = await open({ viewport: VIEWPORTS.desktop }, (page) =>
      // Ad images are held and never answered.
      page.route((url) => adImages.has(url.pathname), (route) => void held.push(route)),
    );
    await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
    expect(held.length).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await page.locator('article .article-text p').first().isVisible()).toBe(true);
    await close();
  });

  it('announce „Anzeige“ with every ad: the slot is a group of that name, and it describes the link', async () => {
    const { page, close } = await open({ viewport: VIEWPORTS.desktop });
    await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { nodeId: string; parentId?: string; role?: { value: string }; name?: { value: string }; description?: { value: string } }[];
    };
    const byId = new Map(nodes.map((node) => [node.nodeId, node]));
    const groupOf = (node: (typeof nodes)[number]) => {
      for (let parent = node.parentId && byId.get(node.parentId); parent; parent = parent.parentId && byId.get(parent.parentId)) {
        if (parent.role?.value === 'group') return parent.name?.value;
      }
      return undefined;
    };
    const adLinks = nodes.filter((node) => node.role?.value === 'link' && node.description?.value === 'Anzeige');
    const shown = await page.$$eval('[data-house-ad]', (links) => links.map((link) => (link as HTMLElement).dataset.houseAd!));
    // The name is what the ad says, without the decorative arrow; the label comes as its description.
    const expected = shown.map((id) => houseAds.get(id)!).map(({ headline, text, action }) => `${headline} ${text} ${action}`);
    expect(adLinks.map((link) => link.name?.value).sort()).toEqual(expected.sort());
    expect(adLinks.map(groupOf)).toEqual(['Anzeige', 'Anzeige', 'Anzeige']);
    await close();
  });

  it('are reached by the keyboard, each with a focus ring', async () => {
    const { page, close } = await open({ viewport: VIEWPORTS.desktop });
    await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
    const shown = await page.$$eval('[data-house-ad]', (links) => links.map((link) => (link as HTMLElement).dataset.houseAd));
    // Two in the text and the sidebar's.
    expect(shown).toHaveLength(3);
    const reached = new Set<string>();
    for (let step = 0; step < 80 && reached.size < shown.length; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element && getComputedStyle(element);
        return element?.dataset.houseAd && { id: element.dataset.houseAd, ring: style!.outlineStyle !== 'none' && parseFloat(style!.outlineWidth) > 0 };
      });
      if (focused) {
        expect(focused.ring, focused.id).toBe(true);
        reached.add(focused.id);
      }
    }
    expect([...reached].sort()).toEqual([...shown].sort());
    await close();
  });

  it('read the same with JavaScript off', async () => {
    const shownWith = async (javaScriptEnabled: boolean) => {
      const { page, close } = await open({ viewport: VIEWPORTS.desktop, javaScriptEnabled });
      await page.goto(server.url + ARTICLE_PATH, { waitUntil: 'networkidle' });
      const states = await slotStates(page);
      await close();
      return states.map(({ id, shown, link }) => ({ id, shown, houseAd: link?.id }));
    };
    const withScript = await shownWith(true);
    expect(withScript).toHaveLength(3);
    expect(withScript.every((slot) => slot.shown && slot.houseAd)).toBe(true);
    expect(await shownWith(false)).toEqual(withScript);
  });
});

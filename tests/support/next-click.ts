import type { BrowserContext, Page } from 'playwright-core';
import type { Connection } from './static-server.ts';

/**
 * A fast 4G connection: 9 Mbit/s, 170 ms round trip. The test server holds back each response
 * for that long (DevTools' own throttling lets the server's time count toward the round trip,
 * and a busy machine's server then hides it).
 */
export const FAST_4G: Connection = { latencyMs: 170, bitsPerSecond: 9e6 };

interface PrefetchStatus {
  prefetchUrl: string;
  status: string;
}

/**
 * Records, in every page of `context`, when the reader clicked (kept across the navigation) and
 * the largest contentful paint so far; both on the clock all pages share (time origin plus the
 * page's own time), so the next page's paint can be set against the last page's click.
 */
export const recordClicksAndPaints = (context: BrowserContext) =>
  context.addInitScript(() => {
    addEventListener('click', (event) => sessionStorage.setItem('klick', String(performance.timeOrigin + event.timeStamp)), true);
    new PerformanceObserver((list) => {
      Object.assign(window, { largestPaint: performance.timeOrigin + list.getEntries().at(-1)!.startTime });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });

interface AttemptSources {
  preloadingAttemptSources: { key: { action: string; url: string } }[];
}

/**
 * A page whose speculative loads can be awaited, and which tells the links the speculation
 * rules make candidates on the page shown last (`candidates`: action and address each).
 */
export async function readerPage(
  context: BrowserContext,
): Promise<{ page: Page; prefetched: (url: string) => Promise<void>; candidates: () => string[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let candidates: string[] = [];
  cdp.on('Preload.preloadingAttemptSourcesUpdated' as never, ({ preloadingAttemptSources }: AttemptSources) => {
    candidates = preloadingAttemptSources.map(({ key }) => `${key.action} ${key.url}`);
  });
  const ready = new Set<string>();
  const waiting = new Map<string, () => void>();
  cdp.on('Preload.prefetchStatusUpdated' as never, ({ prefetchUrl, status }: PrefetchStatus) => {
    if (status !== 'Ready') return;
    ready.add(prefetchUrl);
    waiting.get(prefetchUrl)?.();
  });
  await cdp.send('Preload.enable' as never);
  return {
    page,
    // Resolves once the browser holds the page, as it does when the reader's pointer rests on its link.
    prefetched: (url) => (ready.has(url) ? Promise.resolve() : new Promise((resolve) => waiting.set(url, resolve))),
    candidates: () => candidates,
  };
}

/**
 * Points at the first link matching `selector` to a page the reader has not seen yet (a seen
 * one may come from the browser's cache, which would measure nothing), waits until the browser
 * has prefetched it (unless `speculated` is false: the site then sends no rules), clicks, and
 * returns how long after the click the next page had its largest contentful paint, in ms, once
 * everything it loads has loaded, and whether the page came from the prefetch.
 */
export async function clickToLargestPaint(
  { page, prefetched }: Awaited<ReturnType<typeof readerPage>>,
  selector: string,
  seen: Set<string>,
  speculated = true,
): Promise<{ ms: number; to: string; fromPrefetch: boolean }> {
  seen.add(new URL(page.url()).pathname);
  const links = page.locator(selector);
  const targets = await links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  const index = targets.findIndex((href) => !seen.has(new URL(href).pathname));
  if (index < 0) throw new Error(`every link "${selector}" on ${page.url()} leads to a page seen before`);
  const [link, to] = [links.nth(index), targets[index]];
  await link.hover();
  if (speculated) await prefetched(to);
  await Promise.all([page.waitForURL(to, { waitUntil: 'load' }), link.click()]);
  await page.waitForLoadState('networkidle');
  const { clicked, paint, delivery } = await page.evaluate(() => ({
    clicked: Number(sessionStorage.getItem('klick')),
    paint: (window as unknown as { largestPaint: number }).largestPaint,
    delivery: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming & { deliveryType: string }).deliveryType,
  }));
  return { ms: paint - clicked, to, fromPrefetch: delivery === 'navigational-prefetch' };
}

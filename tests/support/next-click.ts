import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A fast 4G connection: 9 Mbit/s each way, 170 ms from request to first byte. */
export const FAST_4G = { offline: false, latency: 170, downloadThroughput: 9e6 / 8, uploadThroughput: 9e6 / 8 };

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

/** A page on a throttled connection whose speculative loads can be awaited. */
export async function throttledPage(context: BrowserContext): Promise<{ page: Page; prefetched: (url: string) => Promise<void> }> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
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
  };
}

/**
 * Points at the first link matching `selector`, waits until the browser has prefetched its page
 * (unless `speculated` is false: the site then sends no rules), clicks, and returns how long
 * after the click the next page had its largest contentful paint, in ms, once everything it
 * loads has loaded, and whether the page came from the prefetch.
 */
export async function clickToLargestPaint(
  { page, prefetched }: Awaited<ReturnType<typeof throttledPage>>,
  selector: string,
  speculated = true,
): Promise<{ ms: number; to: string; fromPrefetch: boolean }> {
  const link = page.locator(selector).first();
  const to = new URL((await link.getAttribute('href'))!, page.url()).href;
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

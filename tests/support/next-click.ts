import type { ReaderBrowser, ReaderTab, ReadyEvent } from './reader-tab.ts';
import type { Connection } from './static-server.ts';

/**
 * A fast 4G connection: 9 Mbit/s, 170 ms round trip. The test server holds back each response
 * for that long (DevTools' own throttling lets the server's time count toward the round trip,
 * and a busy machine's server then hides it).
 */
export const FAST_4G: Connection = { latencyMs: 170, bitsPerSecond: 9e6 };

/**
 * Runs in every page: keeps the largest contentful paint so far and, for a page rendered ahead,
 * the first frame after it is shown, both as times since the epoch, to be set against the click.
 */
const MEASURE = `
  window.painted = new Promise((painted) => new PerformanceObserver((list) => {
    window.largestPaint = performance.timeOrigin + list.getEntries().at(-1).startTime;
    painted();
  }).observe({ type: 'largest-contentful-paint', buffered: true }));
  document.addEventListener('prerenderingchange', () =>
    requestAnimationFrame(() => { window.firstShown = performance.timeOrigin + performance.now(); }));
`;

/** A reader with a tab of their own, on `url`. */
export async function openReader(browser: ReaderBrowser, url: string): Promise<ReaderTab> {
  const tab = await browser.open(MEASURE);
  await tab.goto(url);
  return tab;
}

/** How the next page reached the reader: rendered ahead, fetched ahead, or fetched on the click. */
export type Delivery = 'prerender' | 'prefetch' | 'network';

export interface Pointing {
  /**
   * How long the reader points before clicking: until the page rendered ahead has fired this
   * event (its load by default); `false` for a site that sends no rules.
   */
  until?: ReadyEvent | false;
  /** Called right after the click. */
  onClick?: () => void;
}

/**
 * Points at the first link matching `selector` to a page the reader has not seen yet (a seen
 * one may come from the browser's cache, which would measure nothing), waits until the browser
 * holds its page (see `Pointing`), clicks, and returns how long after the click the next page
 * had its largest contentful paint, in ms, once everything it loads has loaded. A page rendered
 * ahead counts as painted no sooner than the first frame after it is shown (web-vitals counts
 * from its activation alone).
 */
export async function clickToLargestPaint(
  tab: ReaderTab,
  selector: string,
  seen: Set<string>,
  { until = 'load', onClick }: Pointing = {},
): Promise<{ ms: number; to: string; delivery: Delivery }> {
  seen.add(new URL(await tab.evaluate<string>('location.href')).pathname);
  const link = await tab.evaluate<{ href: string; x: number; y: number } | null>(`(() => {
    const seen = ${JSON.stringify([...seen])};
    const link = [...document.querySelectorAll(${JSON.stringify(selector)})].find((a) => !seen.includes(new URL(a.href).pathname));
    if (!link) return null;
    link.scrollIntoView({ block: 'center' });
    // The first line's box: the middle of a link that wraps may lie between its lines.
    const box = link.getClientRects()[0];
    return { href: link.href, x: box.x + box.width / 2, y: box.y + box.height / 2 };
  })()`);
  if (!link) throw new Error(`every link "${selector}" leads to a page seen before`);
  await tab.mouse('mouseMoved', link.x, link.y);
  if (until) await tab.ahead(link.href, until);
  await tab.mouse('mousePressed', link.x, link.y);
  // The click is the release. Its time is taken here, on the clock the page's times are on too
  // (the system's), since a page left for one rendered ahead is gone too soon to report it; so
  // the measure includes the event's way to the page.
  const clicked = performance.timeOrigin + performance.now();
  await tab.mouse('mouseReleased', link.x, link.y);
  onClick?.();
  await tab.shown(link.href);
  const { paint, firstShown, activated, delivery } = await tab.evaluate<{ paint: number; firstShown?: number; activated: boolean; delivery: string }>(`
    // The paint of the last element to load is reported in the frame after it.
    window.painted.then(() => new Promise((framed) => requestAnimationFrame(() => setTimeout(framed)))).then(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      return { paint: window.largestPaint, firstShown: window.firstShown, activated: navigation.activationStart > 0, delivery: navigation.deliveryType };
    })`);
  return {
    ms: Math.max(paint, firstShown ?? 0) - clicked,
    to: link.href,
    delivery: activated ? 'prerender' : delivery === 'navigational-prefetch' ? 'prefetch' : 'network',
  };
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core with the WCAG 2.2 A and AA rules; returns one line per element that breaks a rule,
 * and per element axe could not judge ("needs review": e.g. text whose contrast it cannot
 * compute), which counts as much: other tools, pa11y among them, report those as errors. It is
 * evaluated through the DevTools protocol, which the page's Content-Security-Policy rightly
 * does not allow as an inline script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Findings = { id: string; nodes: { target: string[] }[] }[];
    type Axe = { run: (options: object) => Promise<{ violations: Findings; incomplete: Findings }> };
    const { axe } = window as unknown as { axe: Axe };
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    const lines = (findings: Findings, kind: string) => findings.flatMap((finding) => finding.nodes.map((node) => `${kind}${finding.id}: ${node.target.join(' ')}`));
    return [...lines(result.violations, ''), ...lines(result.incomplete, 'needs review: ')];
  });
}

/** Heading levels in document order, e.g. [1, 2, 2, 3]. */
export const headingLevels = (page: Page) =>
  page.$$eval('h1, h2, h3, h4, h5, h6', (headings) =>
    headings.filter((heading) => heading.getClientRects().length > 0 || heading.closest('.sr-only')).map((heading) => Number(heading.tagName[1])),
  );

/** Landmarks a screen reader lists, with their names. */
export const landmarks = (page: Page) =>
  page.evaluate(() => {
    const name = (element: Element) => {
      const labelledBy = element.getAttribute('aria-labelledby');
      return (labelledBy ? document.getElementById(labelledBy)?.textContent : element.getAttribute('aria-label'))?.trim() ?? '';
    };
    const topLevel = (selector: string) => [...document.querySelectorAll(selector)].filter((element) => !element.closest('article, aside, main, nav, section'));
    return {
      banner: topLevel('header').length,
      main: document.querySelectorAll('main').length,
      contentinfo: topLevel('footer').length,
      navs: [...document.querySelectorAll('nav')].map(name),
    };
  });

/**
 * Tabs through the page. Returns how many visible controls there are, those Tab never reached and
 * those that showed no focus ring when reached.
 */
export async function keyboardGaps(page: Page): Promise<{ controls: number; unreached: string[]; noRing: string[] }> {
  const controls = await page.$$eval('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])', (elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
      .map((element) => element.outerHTML.slice(0, 80)),
  );
  const reached = new Set<string>();
  const noRing: string[] = [];
  for (let step = 0; step < controls.length + 3; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return { html: element.outerHTML.slice(0, 80), ring };
    });
    if (!focused) continue;
    reached.add(focused.html);
    if (!focused.ring) noRing.push(focused.html);
  }
  return { controls: controls.length, unreached: controls.filter((control) => !reached.has(control)), noRing };
}

type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
interface Shifts {
  total: number;
  /** What moved, for the failure message: when, at which scroll position, the node, from where to where. */
  moved: string[];
  add: (entries: PerformanceEntryList) => void;
}

/** Collects layout shifts from the first paint on; read them with `layoutShiftTotal` and `shiftedElements`. */
export const recordLayoutShifts = (page: Page) =>
  page.addInitScript(() => {
    const rect = ({ x, y, width, height }: DOMRectReadOnly) => `${x},${y} ${width}×${height}`;
    const shifts: Shifts = { total: 0, moved: [], add: (entries) => {
      for (const entry of entries as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        shifts.total += entry.value;
        // A text node says little by its name: its words and its parent's start tag say where it is.
        const describe = (node: Node | undefined) => {
          const element = node instanceof Element ? node : node?.parentElement;
          const tag = element ? element.outerHTML.slice(0, element.outerHTML.indexOf('>') + 1) : String(node?.nodeName);
          return node instanceof Text ? `"${node.data.trim().slice(0, 40)}" in ${tag}` : tag;
        };
        const when = `${entry.startTime.toFixed(0)} ms, scrolled to ${scrollY}, shift ${entry.value.toFixed(5)}`;
        for (const { node, previousRect, currentRect } of entry.sources ?? []) {
          shifts.moved.push(`${when}: ${describe(node)} ${rect(previousRect)} → ${rect(currentRect)}`);
        }
      }
    } };
    const observer = new PerformanceObserver((list) => shifts.add(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    Object.assign(window, { shifts, shiftObserver: observer });
  });

/** Resolves after the page has drawn two more frames, by which any shift of the last one is reported. */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * The page's layout shifts so far. A shift is reported after the frame that drew it, and the
 * observer's callback may come later still: after two frames, what is reported but not yet
 * delivered is taken from the observer itself.
 */
export async function layoutShiftTotal(page: Page): Promise<number> {
  await twoFrames(page);
  return page.evaluate(() => {
    const { shifts, shiftObserver } = window as unknown as { shifts: Shifts; shiftObserver: PerformanceObserver };
    shifts.add(shiftObserver.takeRecords());
    return shifts.total;
  });
}

/** What the shifts `layoutShiftTotal` counted moved (read that first). */
export const shiftedElements = (page: Page) => page.evaluate(() => (window as unknown as { shifts: Shifts }).shifts.moved);

/** Runs the page's CPU `rate` times slower (Chromium's own throttling), as on a cheap phone. */
export async function slowCpu(page: Page, rate: number) {
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Scrolls to the bottom half a screen at a time, each step drawn before the next, so lazy images
 * load and ads come into view; then waits until every image the page shows is decoded (or has
 * failed, which the checks on requests and images catch), whatever the network and CPU take.
 */
export async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
      await frame();
    }
  });
  await imagesDecoded(page);
}

/** Resolves when every image the page shows is decoded, or has failed (which other checks catch). */
export const imagesDecoded = (page: Page) =>
  page.evaluate(async () => {
    const shown = [...document.images].filter((image) => image.getClientRects().length > 0);
    await Promise.all(shown.map((image) => image.decode().catch(() => undefined)));
  });

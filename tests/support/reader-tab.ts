import { VIEWPORTS } from './browser.ts';
import { launchDevTools, type DevTools } from './devtools-pipe.ts';

interface TargetInfo {
  targetId: string;
  type: string;
  subtype?: string;
  url: string;
  browserContextId: string;
}

/** A page of the tab: the one shown, or one rendered ahead of a click. */
interface TabPage {
  session: string;
  url: string;
  prerendering: boolean;
  /** What the browser did ahead for each address (`prefetch …`, `prerender …`), latest status. */
  speculation: Map<string, string>;
  /** The links the speculation rules make candidates: action and address each. */
  candidates: string[];
}

/** An event of a page's loading, by which it is ready: its document parsed, or everything loaded. */
export type ReadyEvent = 'DOMContentLoaded' | 'load';

/** How far ahead of the click the browser went for a page. */
export type Ahead = 'prerender' | 'prefetch';

export interface ReaderTab {
  /** Opens `url` and resolves once it has loaded. */
  goto: (url: string) => Promise<void>;
  /** The value of `expression` (awaited, if a promise) in the page shown. */
  evaluate: <T>(expression: string) => Promise<T>;
  /** A mouse event at a point of the page shown, as a reader's hand makes it. */
  mouse: (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) => Promise<void>;
  /**
   * Resolves once the browser holds `url`, as it does when a link has the reader's attention:
   * fetched, or rendered ahead and ready by `readyBy`.
   */
  ahead: (url: string, readyBy: ReadyEvent) => Promise<Ahead>;
  /** Resolves once the tab shows `url`, loaded. */
  shown: (url: string) => Promise<void>;
  /** What the speculation rules of the page shown make candidates, as `Prefetch <url>` or `Prerender <url>`. */
  candidates: () => string[];
}

/** An event of a Chromium trace, as `chrome://tracing` shows it. */
export interface TraceEvent {
  name: string;
  /** Microseconds, on the trace's own clock. */
  ts: number;
  args: { frame?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

export interface ReaderBrowser {
  /** A tab in a profile of its own (no cache or storage shared with other tabs); `script` runs in every page before the page's own. */
  open: (script: string) => Promise<ReaderTab>;
  /** What `during` resolved to, and what the browser's processes did meanwhile, in the trace `categories`. */
  trace: <T>(categories: string[], during: () => Promise<T>) => Promise<{ result: T; events: TraceEvent[] }>;
  close: () => Promise<void>;
}

/**
 * The time of the page's navigation entry that is set once it has fired the event, its
 * listeners run. Not `document.readyState`: it turns `interactive` before the page's deferred
 * scripts and modules have run.
 */
const FIRED: Record<ReadyEvent, string> = {
  DOMContentLoaded: 'domContentLoadedEventEnd',
  load: 'loadEventEnd',
};

/**
 * Chromium with tabs as a reader has them, attached through their tab target, so that pages are
 * rendered ahead of a click where the speculation rules ask for it.
 */
export async function launchReaderBrowser(): Promise<ReaderBrowser> {
  const devtools = launchDevTools();
  // Tells of every page's address and of a page rendered ahead becoming the one shown.
  await devtools.send('Target.setDiscoverTargets', { discover: true });
  await devtools.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true, filter: [{ type: 'tab' }] });
  return { open: (script) => openTab(devtools, script), trace: (categories, during) => trace(devtools, categories, during), close: devtools.close };
}

async function trace<T>(devtools: DevTools, categories: string[], during: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  let stopListening = () => {};
  const complete = new Promise<void>((resolve) => {
    stopListening = devtools.on(({ method, params }) => {
      if (method === 'Tracing.dataCollected') events.push(...(params.value as TraceEvent[]));
      if (method === 'Tracing.tracingComplete') resolve();
    });
  });
  await devtools.send('Tracing.start', { traceConfig: { includedCategories: categories } });
  // A browser left tracing would refuse the next trace.
  try {
    return { result: await during(), events };
  } finally {
    await devtools.send('Tracing.end');
    await complete;
    stopListening();
  }
}

async function openTab(devtools: DevTools, script: string): Promise<ReaderTab> {
  const { browserContextId } = await devtools.send<{ browserContextId: string }>('Target.createBrowserContext');
  const pages = new Map<string, TabPage>();
  const checks = new Set<() => void>();
  const changed = () => [...checks].forEach((check) => check());
  /** Resolves with what `found` returns once it returns something, checked again at every change in the tab. */
  const until = <T>(found: () => T | undefined) =>
    new Promise<T>((resolve) => {
      const check = () => {
        const result = found();
        if (result === undefined) return;
        checks.delete(check);
        resolve(result);
      };
      checks.add(check);
      check();
    });
  const pageOf = (session?: string) => [...pages.values()].find((page) => page.session === session);
  const shownPage = () => [...pages.values()].find((page) => !page.prerendering);
  const renderedAhead = (url: string) => [...pages.values()].find((page) => page.prerendering && page.url === url);

  // Headless Chromium's window has tabs of its own for the address bar's popups; they hold no page.
  const tabSessions = new Set<string>();
  // A target may be gone before it answers (the browser drops a page rendered ahead that is not wanted).
  const unlessGone = (sent: Promise<unknown>) => void sent.catch(() => undefined);
  devtools.on(({ method, params, sessionId }) => {
    const info = params.targetInfo as TargetInfo | undefined;
    if (method === 'Target.attachedToTarget' && info?.type === 'tab' && info.browserContextId === browserContextId) {
      tabSessions.add(params.sessionId as string);
      unlessGone(devtools.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, params.sessionId as string));
    } else if (method === 'Target.attachedToTarget' && tabSessions.has(sessionId!)) {
      if (info?.type === 'page') unlessGone(setUp(info, params.sessionId as string));
      else unlessGone(devtools.send('Runtime.runIfWaitingForDebugger', {}, params.sessionId as string));
    } else if (method === 'Target.targetInfoChanged' && info && pages.has(info.targetId)) {
      Object.assign(pages.get(info.targetId)!, { url: info.url, prerendering: info.subtype === 'prerender' });
    } else if (method === 'Target.detachedFromTarget') {
      for (const [id, page] of pages) if (page.session === params.sessionId) pages.delete(id);
    } else if (method === 'Preload.prefetchStatusUpdated') {
      pageOf(sessionId)?.speculation.set(`prefetch ${params.prefetchUrl}`, params.status as string);
    } else if (method === 'Preload.prerenderStatusUpdated') {
      pageOf(sessionId)?.speculation.set(`prerender ${(params.key as { url: string }).url}`, params.status as string);
    } else if (method === 'Preload.preloadingAttemptSourcesUpdated' && pageOf(sessionId)) {
      const sources = params.preloadingAttemptSources as { key: { action: string; url: string } }[];
      pageOf(sessionId)!.candidates = sources.map(({ key }) => `${key.action} ${key.url}`);
    }
    changed();
  });

  // A page, the one shown or one rendered ahead, waits until it has everything the test gives it.
  // Its answers come only once it runs (a page rendered ahead answers nothing while it waits), so
  // all is sent first: the page takes commands in the order sent.
  async function setUp(info: TargetInfo, session: string) {
    const send = (method: string, params?: object) => devtools.send(method, params, session);
    pages.set(info.targetId, { session, url: info.url, prerendering: info.subtype === 'prerender', speculation: new Map(), candidates: [] });
    await Promise.all([
      send('Page.enable'),
      send('Page.addScriptToEvaluateOnNewDocument', { source: script }),
      send('Preload.enable'),
      send('Runtime.runIfWaitingForDebugger'),
    ]);
  }

  await devtools.send('Target.createTarget', { url: 'about:blank', browserContextId, newWindow: true, ...VIEWPORTS.desktop });
  await until(shownPage);

  const inShown = <T>(method: string, params: object) => devtools.send<T>(method, params, shownPage()!.session);
  const evaluateIn = async <T>(session: string, expression: string) => {
    const { result, exceptionDetails } = await devtools.send<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      session,
    );
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
    return result.value;
  };
  const ready = (session: string, event: ReadyEvent) =>
    evaluateIn(
      session,
      `new Promise((ready) => performance.getEntriesByType('navigation')[0].${FIRED[event]} > 0 ? ready() : addEventListener('${event}', () => ready(), { once: true }))`,
    );
  const evaluate = <T>(expression: string) => evaluateIn<T>(shownPage()!.session, expression);
  const shown = async (url: string) => {
    await until(() => (shownPage()?.url === url ? true : undefined));
    await ready(shownPage()!.session, 'load');
  };
  return {
    goto: async (url) => {
      await inShown('Page.navigate', { url });
      await shown(url);
    },
    evaluate,
    mouse: async (type, x, y) => {
      await inShown('Input.dispatchMouseEvent', { type, x, y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
    },
    ahead: async (url, readyBy) => {
      const status = (action: string) => shownPage()?.speculation.get(`${action} ${url}`);
      // Chromium prerenders through its prefetch; a prefetch alone counts once the prerender has failed.
      const ahead = await until<Ahead>(() => {
        if (status('prerender') === 'Ready') return 'prerender';
        return status('prerender') === 'Failure' && status('prefetch') === 'Ready' ? 'prefetch' : undefined;
      });
      if (ahead === 'prerender') {
        // Chromium may tell of the address of a page rendered ahead only after it is ready, or drop the page.
        const rendered = await until(() => renderedAhead(url) ?? (status('prerender') === 'Ready' ? undefined : null));
        if (!rendered) throw new Error(`Chromium dropped the page it had rendered ahead for ${url} (${status('prerender')})`);
        await ready(rendered.session, readyBy);
      }
      return ahead;
    },
    shown,
    candidates: () => shownPage()?.candidates ?? [],
  };
}

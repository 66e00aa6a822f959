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

/** How far ahead of the click the browser went for a page. */
export type Ahead = 'prerender' | 'prefetch';

export interface ReaderTab {
  /** Opens `url` and resolves once it has loaded. */
  goto: (url: string) => Promise<void>;
  /** The value of `expression` (awaited, if a promise) in the page shown. */
  evaluate: <T>(expression: string) => Promise<T>;
  /** A mouse event at a point of the page shown, as a reader's hand makes it. */
  mouse: (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) => Promise<void>;
  /** Resolves once the browser holds `url`, rendered ahead or fetched, as it does when a link has the reader's attention. */
  ahead: (url: string) => Promise<Ahead>;
  /** Resolves once the tab shows `url`, loaded. */
  shown: (url: string) => Promise<void>;
  /** What the speculation rules of the page shown make candidates, as `Prefetch <url>` or `Prerender <url>`. */
  candidates: () => string[];
}

export interface ReaderBrowser {
  /** A tab in a profile of its own (no cache or storage shared with other tabs); `script` runs in every page before the page's own. */
  open: (script: string) => Promise<ReaderTab>;
  close: () => Promise<void>;
}

/**
 * Chromium with tabs as a reader has them, attached through their tab target, so that pages are
 * rendered ahead of a click where the speculation rules ask for it.
 */
export async function launchReaderBrowser(): Promise<ReaderBrowser> {
  const devtools = launchDevTools();
  // Tells of every page's address and of a page rendered ahead becoming the one shown.
  await devtools.send('Target.setDiscoverTargets', { discover: true });
  await devtools.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true, filter: [{ type: 'tab' }] });
  return { open: (script) => openTab(devtools, script), close: devtools.close };
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
  const loaded = (session: string) =>
    evaluateIn(session, `new Promise((loaded) => document.readyState === 'complete' ? loaded() : addEventListener('load', () => loaded(), { once: true }))`);
  const evaluate = <T>(expression: string) => evaluateIn<T>(shownPage()!.session, expression);
  const shown = async (url: string) => {
    await until(() => (shownPage()?.url === url ? true : undefined));
    await loaded(shownPage()!.session);
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
    ahead: async (url) => {
      const status = (action: string) => shownPage()?.speculation.get(`${action} ${url}`);
      // Chromium prerenders through its prefetch; a prefetch alone counts once the prerender has failed.
      const ahead = await until<Ahead>(() => {
        if (status('prerender') === 'Ready') return 'prerender';
        return status('prerender') === 'Failure' && status('prefetch') === 'Ready' ? 'prefetch' : undefined;
      });
      // A page rendered ahead is ready to be shown once it has loaded, as it has while a reader points and reads the link.
      const rendered = [...pages.values()].find((page) => page.prerendering && page.url === url);
      if (ahead === 'prerender' && rendered) await loaded(rendered.session);
      return ahead;
    },
    shown,
    candidates: () => shownPage()?.candidates ?? [],
  };
}

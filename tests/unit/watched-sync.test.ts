import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentError, ContentWarning } from '../../src/lib/content/content-error.ts';
import { SAVE_SETTLES_MS, syncAndWatch } from '../../src/loaders/watched-sync.ts';
import { contentRefresh, type RefreshContent } from '../../src/publish/handover.ts';
import { contentSettled, currentContentProblems, onPagesOutdated } from '../../src/publish/preview/content-problems.ts';
import { fakeLoaderContext } from '../support/loader-context.ts';

/** How often a folder watch was closed: the real one, counted. */
const folderWatches = vi.hoisted(() => ({ closed: 0 }));
vi.mock('../../src/loaders/folder-watch.ts', async (original) => {
  const { watchFolders } = await original<typeof import('../../src/loaders/folder-watch.ts')>();
  return {
    watchFolders: (...args: Parameters<typeof watchFolders>) => {
      const watching = watchFolders(...args);
      return {
        close() {
          folderWatches.closed++;
          watching.close();
        },
      };
    },
  };
});

const FILE = 'content/articles/beispiel.md';
const MISTAKE = new ContentError(FILE, 'updated', 11, '2025-13-45 is an impossible date: there is no month 13');
/** A warning of its own for each test: the findings of all loaders are one process-wide list. */
const doubt = (about: string) => new ContentWarning(FILE, 'lead', 4, `has 400 characters (${about})`);

const site = mkdtempSync(join(tmpdir(), 'watched-sync-'));
const article = join(site, FILE);
mkdirSync(dirname(article), { recursive: true });
let saves = 0;

/** A loader's surroundings: a logger that records, and under `astro dev` a watcher we can fire. */
function surroundings(dev: boolean) {
  const { context, logged, watcher } = fakeLoaderContext({ dev });
  /** The watcher's events of a save, then a moment of quiet. */
  const events = async (path: string) => {
    watcher.emit('all', 'add', path);
    watcher.emit('all', 'change', path);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
  };
  /** One save as an editor makes it: the file written, then its events. */
  const save = async (path = article) => {
    writeFileSync(path, `Fassung ${++saves}`);
    await events(path);
  };
  return { context, logged, watcher, save, events };
}

/** A sync that finds whatever `state.found` holds at the time it runs. */
function loader(name: string) {
  const state = { found: [] as (ContentError | ContentWarning)[] | undefined, changed: true, changedBeside: false, runs: 0, saved: [] as (readonly string[] | undefined)[] };
  const sync = async (saved?: readonly string[]) => {
    state.runs++;
    state.saved.push(saved);
    const error = state.found?.find((problem) => problem instanceof ContentError);
    if (error) throw error;
    return state.found && { warnings: state.found, changed: state.changed, changedBeside: state.changedBeside };
  };
  return { state, options: { loader: 'test-loader', name, paths: [dirname(article)], affects: (path: string) => path.endsWith('.md'), sync } };
}

/** Whether a page asked for now would have been answered yet: the pages' wait, watched. */
function pageWait() {
  let answered = false;
  void contentSettled().then(() => (answered = true));
  return () => answered;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  contentRefresh().refresh = undefined;
});
afterAll(() => rmSync(site, { recursive: true }));

describe('syncAndWatch in a build', () => {
  it('stops at a mistake and prints the warnings', async () => {
    const { context, logged } = surroundings(false);
    const { state, options } = loader('build');
    const warning = doubt('build');
    state.found = [warning];
    await syncAndWatch(context, options);
    expect(logged).toEqual([`warn ${warning.message}`]);
    state.found = [MISTAKE];
    await expect(syncAndWatch(context, options)).rejects.toBe(MISTAKE);
  });

  it('prints nothing when another loader reports why it could not run', async () => {
    const { context, logged } = surroundings(false);
    const { state, options } = loader('build-blocked');
    state.found = undefined;
    await syncAndWatch(context, options);
    expect(logged).toEqual([]);
  });
});

describe('syncAndWatch under astro dev', () => {
  it('reports a mistake instead of stopping, logs it once per save, and clears it when a save fixes it', async () => {
    const { context, logged, watcher, save } = surroundings(true);
    const { state, options } = loader('dev-mistake');
    const changes = vi.fn();
    const stop = onPagesOutdated(changes);
    state.found = [MISTAKE];
    await syncAndWatch(context, options);
    expect(watcher.watched).toEqual([dirname(article)]);
    expect(currentContentProblems().errors).toContain(MISTAKE);
    expect(logged).toEqual([`error ${MISTAKE.message}`]);

    await save();
    expect(state.runs).toBe(2);
    expect(logged).toEqual([`error ${MISTAKE.message}`, `error ${MISTAKE.message}`]);

    state.found = [];
    await save();
    expect(currentContentProblems().errors).not.toContain(MISTAKE);
    // The fix alone: no page has shown the first report, and the second found the same.
    expect(changes).toHaveBeenCalledTimes(1);
    stop();
  });

  it('holds the pages asked for from a save’s first event until its sync has reported', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-pages-wait');
    // A sync that takes as long as the test says, as one of thousands of articles does.
    let reading = Promise.resolve();
    const slowSync = { ...options, sync: async () => (await reading, options.sync()) };
    state.found = [MISTAKE];
    await syncAndWatch(context, slowSync);
    state.found = [];
    let read!: () => void;
    reading = new Promise((resolve) => (read = resolve));
    writeFileSync(article, `Fassung ${++saves}`);
    watcher.emit('all', 'change', article);
    const answered = pageWait();
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(answered()).toBe(false);
    read();
    await vi.advanceTimersByTimeAsync(0);
    expect(answered()).toBe(true);
    expect(state.runs).toBe(2);
    expect(currentContentProblems().errors).not.toContain(MISTAKE);
  });

  it('starts no second sync for events that come late for a save it has read, as on a busy machine', async () => {
    const { context, logged, save, events } = surroundings(true);
    const { state, options } = loader('dev-late-events');
    state.found = [MISTAKE];
    await syncAndWatch(context, options);
    await save();
    expect(state.runs).toBe(2);
    await events(article);
    expect(state.runs).toBe(2);
    // …and holds no page for them.
    const answered = pageWait();
    await vi.advanceTimersByTimeAsync(0);
    expect(answered()).toBe(true);
    expect(logged).toEqual([`error ${MISTAKE.message}`, `error ${MISTAKE.message}`]);
    await save();
    expect(state.runs).toBe(3);
  });

  it('reports only what it found: a first mistake without warnings, and nothing once fixed', async () => {
    const before = currentContentProblems();
    const { context, save } = surroundings(true);
    const { state, options } = loader('dev-only-what-it-found');
    state.found = [MISTAKE];
    await syncAndWatch(context, options);
    expect(currentContentProblems()).toEqual({ errors: [...before.errors, MISTAKE], warnings: before.warnings });
    state.found = [];
    await save();
    expect(currentContentProblems()).toEqual(before);
  });

  it('waits for a burst of events to settle, and then syncs once', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-burst');
    await syncAndWatch(context, options);
    writeFileSync(article, `Fassung ${++saves}`);
    for (let event = 0; event < 3; event++) {
      watcher.emit('all', 'change', article);
      await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS - 10);
    }
    expect(state.runs).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(state.runs).toBe(2);
  });

  it('syncs for a save of several files when any one of them changed, and for a file deleted', async () => {
    const { context, save, events, watcher } = surroundings(true);
    const { state, options } = loader('dev-several');
    await syncAndWatch(context, options);
    const other = join(dirname(article), 'anderer.md');
    await save(other);
    expect(state.runs).toBe(2);
    // The other file as it was, this one changed: one save of both.
    writeFileSync(article, `Fassung ${++saves}`);
    watcher.emit('all', 'change', other);
    await events(article);
    expect(state.runs).toBe(3);
    rmSync(other);
    await events(other);
    expect(state.runs).toBe(4);
    await events(other);
    expect(state.runs).toBe(4);
  });

  it('tells the sync the paths of a save’s events', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-paths');
    await syncAndWatch(context, options);
    const other = join(dirname(article), 'zweiter.md');
    writeFileSync(article, `Fassung ${++saves}`);
    writeFileSync(other, `Fassung ${++saves}`);
    watcher.emit('all', 'change', article);
    watcher.emit('all', 'add', other);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(state.saved).toEqual([undefined, [article, other]]);
  });

  it('syncs only for the files it reads', async () => {
    const { context, save } = surroundings(true);
    const { state, options } = loader('dev-unrelated');
    await syncAndWatch(context, options);
    await save(join(dirname(article), '.beispiel.md.swp'));
    expect(state.runs).toBe(1);
  });

  it('logs a warning when it first appears, not on every later save', async () => {
    const { context, logged, save } = surroundings(true);
    const { state, options } = loader('dev-warning');
    const warning = doubt('seen once');
    state.found = [warning];
    await syncAndWatch(context, options);
    await save();
    expect(state.runs).toBe(2);
    expect(logged).toEqual([`warn ${warning.message}`]);
    expect(currentContentProblems().warnings).toContain(warning);
  });

  it('keeps its last findings when it could not run because another loader reports the reason', async () => {
    const { context, logged, save } = surroundings(true);
    const { state, options } = loader('dev-blocked');
    const warning = doubt('kept');
    state.found = [warning];
    await syncAndWatch(context, options);
    state.found = undefined;
    await save();
    expect(state.runs).toBe(2);
    expect(logged).toEqual([`warn ${warning.message}`]);
    expect(currentContentProblems().warnings).toContain(warning);
  });
});

describe('syncAndWatch with Astro’s refreshContent (astro dev)', () => {
  /** Astro's refreshContent: runs the loaders' `load()` with the context, then writes the store when the test says. */
  function astro(load: (refreshContextData: Record<string, unknown>) => Promise<void>) {
    const asks: Parameters<RefreshContent>[0][] = [];
    let write = () => {};
    contentRefresh().refresh = async (options) => {
      asks.push(options);
      await load(options.context);
      await new Promise<void>((resolve) => (write = resolve));
    };
    return { asks, write: () => write() };
  }

  /** A save's first event, and a page asked for right then. */
  const savedWhilePageAsked = (watcher: ReturnType<typeof surroundings>['watcher']) => {
    writeFileSync(article, `Fassung ${++saves}`);
    watcher.emit('all', 'change', article);
    return pageWait();
  };

  it('has a save written to the store before the pages asked for meanwhile are answered', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-store-write');
    const { asks, write } = astro((refreshContextData) => syncAndWatch({ ...context, refreshContextData }, options));
    await syncAndWatch(context, options);
    const answered = savedWhilePageAsked(watcher);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(state.runs).toBe(2);
    expect(asks.map((ask) => ask.loaders)).toEqual([[options.loader]]);
    expect(answered()).toBe(false);
    write();
    await vi.advanceTimersByTimeAsync(0);
    expect(answered()).toBe(true);
    // The load() Astro ran for the write neither read again nor watched more.
    expect(state.runs).toBe(2);
    expect(watcher.watched).toEqual([dirname(article)]);
  });

  it('asks no write for a save that left the store as it was, or found a mistake', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-no-store-write');
    const { asks } = astro(async () => {});
    await syncAndWatch(context, options);
    state.changed = false;
    const unchanged = savedWhilePageAsked(watcher);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(state.runs).toBe(2);
    expect(unchanged()).toBe(true);
    state.found = [MISTAKE];
    const mistaken = savedWhilePageAsked(watcher);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(state.runs).toBe(3);
    expect(mistaken()).toBe(true);
    // …nor one that could not run, because another loader reports why.
    state.found = undefined;
    const blocked = savedWhilePageAsked(watcher);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(state.runs).toBe(4);
    expect(blocked()).toBe(true);
    expect(asks).toEqual([]);
  });

  it('has the open pages reload after a save that changed what they show beside the store, which Astro does not announce', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-beside');
    const { asks } = astro(async () => {});
    const reloads = vi.fn();
    const stop = onPagesOutdated(reloads);
    await syncAndWatch(context, options);
    Object.assign(state, { changed: false, changedBeside: true });
    const answered = savedWhilePageAsked(watcher);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect([reloads.mock.calls.length, asks.length, answered()]).toEqual([1, 0, true]);
    // A save the store took: Astro's write reloads them.
    Object.assign(state, { changed: true, changedBeside: false });
    savedWhilePageAsked(watcher);
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect([reloads.mock.calls.length, asks.length]).toEqual([1, 1]);
    stop();
  });
});

describe('syncAndWatch with folders it watches itself', () => {
  const folder = join(site, 'ordner');
  mkdirSync(folder, { recursive: true });

  it('syncs for a file saved in them, and watches no more once Astro has closed its watcher', async () => {
    const { context, watcher } = surroundings(true);
    const { state, options } = loader('dev-folders');
    await syncAndWatch(context, { ...options, paths: [], folders: [folder] });
    const file = join(folder, 'neu.md');
    writeFileSync(file, `Fassung ${++saves}`);
    await vi.waitFor(() => expect(state.saved).toEqual([undefined, [file]]));
    expect(folderWatches.closed).toBe(0);
    // The dev server restarts: Astro closes its watcher and loads the content again.
    Object.assign(watcher, { closed: true });
    writeFileSync(file, `Fassung ${++saves}`);
    await vi.waitFor(() => expect(folderWatches.closed).toBe(1));
    await vi.advanceTimersByTimeAsync(SAVE_SETTLES_MS);
    expect(state.runs).toBe(2);
  });
});

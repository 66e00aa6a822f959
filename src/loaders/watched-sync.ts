import { statSync } from 'node:fs';
import type { LoaderContext } from 'astro/loaders';
import { ContentError, type ContentProblem } from '../lib/content/content-error.ts';
import { pagesOutdated, reportContentProblems, syncExpected } from '../publish/preview/content-problems.ts';
import { watchFolders } from './folder-watch.ts';
import { storeWriteAsked, writeStoreNow } from './store-write.ts';

export interface WatchedSync {
  /** The loader's name, by which Astro finds its collections (`Loader['name']`). */
  loader: string;
  /** Whose findings these are in the editor's preview, e.g. "content/articles". */
  name: string;
  /** Files to watch. */
  paths: string[];
  /** Folders to watch, with everything in them (folder-watch.ts). */
  folders?: string[];
  /** Whether a change to this (absolute) path calls for a new sync. */
  affects(path: string): boolean;
  /**
   * Reads the files into the store and resolves with its warnings and whether the store changed;
   * throws a ContentError at the first mistake. Resolves with `undefined` when it could not run
   * for a reason another loader reports (a data file it reads is broken), so that the mistake is
   * shown and logged once. `saved` names the paths (absolute) of the events a save made; no
   * other file changed since the last sync, but for a save the watcher did not see.
   */
  sync(saved?: readonly string[]): Promise<Synced | undefined>;
}

export interface Synced {
  warnings: ContentProblem[];
  /** Whether the store holds anything it did not before. */
  changed: boolean;
  /** Whether the pages show anything new that the store does not hold (a body beside it). */
  changedBeside?: boolean;
}

/**
 * Editors save in bursts: one save is often a write and a rename, or two writes, each a watcher
 * event. The events of one save come within a few milliseconds, so one sync follows them all.
 */
export const SAVE_SETTLES_MS = 50;

/**
 * What a file or folder is at this moment, as far as a save changes it. On a busy machine the
 * events of one save can come further apart than SAVE_SETTLES_MS; the late ones find the files
 * as the last sync read them, and start no second sync (nor a second log of the same mistake).
 */
function stamp(path: string): string {
  try {
    const { ino, mtimeMs, size } = statSync(path);
    return `${ino} ${mtimeMs} ${size}`;
  } catch {
    // Stryker disable next-line StringLiteral: equivalent, because any text a stat never gives marks a file gone as well
    return 'gone';
  }
}

const asProblem = (error: unknown, name: string): ContentProblem =>
  error instanceof ContentError ? error : new ContentError(name, undefined, undefined, error instanceof Error ? error.message : String(error));

/**
 * Runs a loader's sync, and under `astro dev` (the only command that gives loaders a watcher)
 * again after every save to one of its files.
 *
 * A build stops at the first mistake and prints the warnings. The dev server instead keeps the
 * last good entries, logs the mistake once per save and reports it to the editor's preview
 * (content-problems.ts), which shows it in the browser until a save fixes it.
 */
export async function syncAndWatch(context: Pick<LoaderContext, 'watcher' | 'logger' | 'refreshContextData'>, options: WatchedSync) {
  const { watcher, logger } = context;
  if (storeWriteAsked(context)) return;
  if (!watcher) {
    for (const warning of (await options.sync())?.warnings ?? []) logger.warn(warning.message);
    return;
  }
  /** The warnings of the last sync that ran: the editor has seen them. */
  let warned: readonly ContentProblem[] = [];
  /** Resolves with what the sync changed. */
  const run = async (saved?: readonly string[]): Promise<Omit<Synced, 'warnings'>> => {
    let errors: ContentProblem[] = [];
    // Stryker disable next-line ObjectLiteral: equivalent, because an outcome without `changed` asks no write either
    let outcome: Omit<Synced, 'warnings'> = { changed: false };
    try {
      const synced = await options.sync(saved);
      if (!synced) return outcome;
      // A warning the editor has seen is not repeated by every save of another file.
      const seen = new Set(warned.map((warning) => warning.message));
      for (const warning of synced.warnings) if (!seen.has(warning.message)) logger.warn(warning.message);
      warned = synced.warnings;
      outcome = synced;
    } catch (error) {
      const problem = asProblem(error, options.name);
      logger.error(problem.message);
      errors = [problem];
    }
    reportContentProblems(options.name, { errors, warnings: warned });
    return outcome;
  };
  await run();
  let settling: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve();
  /** The save being made: the paths of its events so far, and how to tell waiting pages it is read. */
  let save: { paths: Set<string>; reported: () => void } | undefined;
  const synced = new Map<string, string>();
  const saving = (path: string) => {
    if (!options.affects(path)) return;
    const current = (save ??= { paths: new Set(), reported: syncExpected() });
    current.paths.add(path);
    clearTimeout(settling);
    settling = setTimeout(() => {
      save = undefined;
      const stamps = [...current.paths].map((savedPath) => [savedPath, stamp(savedPath)] as const);
      if (stamps.every(([savedPath, now]) => synced.get(savedPath) === now)) return current.reported();
      for (const [savedPath, now] of stamps) synced.set(savedPath, now);
      // Pages wait for `reported`: the store is written by then, so they show the save.
      running = running
        .then(() => run([...current.paths]))
        .then(async ({ changed, changedBeside }) => {
          // Astro reloads the open pages once it has written its store; nothing else does.
          if (changed) await writeStoreNow(options.loader);
          else if (changedBeside) pagesOutdated();
        })
        .then(current.reported);
    }, SAVE_SETTLES_MS);
  };
  watcher.add(options.paths);
  watcher.on('all', (_event, path) => saving(path));
  // Stryker disable next-line ArrayDeclaration: equivalent, because a folder that is not there is watched as none
  const folders = watchFolders(options.folders ?? [], (path) => {
    // Astro's watcher is closed when the dev server restarts, and its load runs this again.
    if ((watcher as { closed?: boolean }).closed) folders.close();
    else saving(path);
  });
}

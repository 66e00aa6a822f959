import { type ContentReport, contentProblems as registry } from '../handover.ts';

const messages = (report: ContentReport) => JSON.stringify([...report.errors, ...report.warnings].map((problem) => problem.message));

/**
 * Called by a loader after each sync in the dev server: what it found now replaces what it found
 * before. Its first report reloads no page, whatever it found: no page has shown that loader's
 * content yet, and Vite keeps a reload sent while no page is open for the first page that
 * connects, which it would cut short (or the next page the reader asked for).
 */
export function reportContentProblems(loader: string, report: ContentReport) {
  const { reports } = registry();
  const before = reports.get(loader);
  reports.set(loader, report);
  if (before && messages(before) !== messages(report)) pagesOutdated();
}

/**
 * Has the open pages load again: what they show changed, and no write of Astro's content store
 * tells them (a mistake, its fix, a body saved beside the store).
 */
export function pagesOutdated() {
  for (const listener of registry().listeners) listener();
}

/** Everything the loaders found in their last syncs, errors first in the order they were reported. */
export function currentContentProblems(): ContentReport {
  const reports = [...registry().reports.values()];
  return { errors: reports.flatMap((report) => report.errors), warnings: reports.flatMap((report) => report.warnings) };
}

/** Calls `listener` whenever the open pages are outdated (pagesOutdated); returns how to stop. */
export function onPagesOutdated(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Called by a loader as soon as a save calls for a sync; the returned function once the sync has
 * reported, or turned out not to be needed. Astro reloads the open pages the moment a data file
 * is saved, before any loader has read it, and a page may be asked for at any time: without the
 * wait (contentSettled), it would show the mistake the save has just fixed, and miss the reload
 * that follows the fix.
 */
export function syncExpected(): () => void {
  const { pending } = registry();
  let reported!: () => void;
  const sync = new Promise<void>((resolve) => (reported = resolve));
  pending.add(sync);
  return () => {
    pending.delete(sync);
    reported();
  };
}

/** Resolves once every sync that saves have called for has reported: with whether any had to be waited for. */
export async function contentSettled(): Promise<boolean> {
  const { pending } = registry();
  const waited = pending.size > 0;
  while (pending.size) await Promise.all(pending);
  return waited;
}

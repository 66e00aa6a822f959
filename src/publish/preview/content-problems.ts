import { type ContentReport, contentProblems as registry } from '../handover.ts';

const messages = (report: ContentReport) => [...report.errors, ...report.warnings].map((problem) => problem.message).join('\n');

/** Called by a loader after each sync in the dev server: what it found now replaces what it found before. */
export function reportContentProblems(loader: string, report: ContentReport) {
  const { reports, listeners } = registry();
  // Stryker disable next-line ArrayDeclaration: equivalent, because a made-up entry has no message, and messages() reads it as empty as no entry
  const before = reports.get(loader) ?? { errors: [], warnings: [] };
  reports.set(loader, report);
  if (messages(before) !== messages(report)) for (const listener of listeners) listener();
}

/** Everything the loaders found in their last syncs, errors first in the order they were reported. */
export function currentContentProblems(): ContentReport {
  const reports = [...registry().reports.values()];
  return { errors: reports.flatMap((report) => report.errors), warnings: reports.flatMap((report) => report.warnings) };
}

/** Calls `listener` whenever the findings change; returns how to stop. */
export function onContentProblemsChange(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

import type { ContentProblem } from '../content/content-error.ts';

/** What one loader found in its last sync under `astro dev`. */
export interface ContentReport {
  errors: readonly ContentProblem[];
  warnings: readonly ContentProblem[];
}

// The loaders, the dev server's middleware and the integrations are separate module instances of
// one process (content config, pages and config are each loaded on their own), so they share
// the loaders' findings through this one slot.
// Stryker disable next-line StringLiteral: equivalent, because any name shared by all module instances serves, and no other slot has an empty one
const SLOT = Symbol.for('zeitungsleser.content-problems');
interface Registry {
  reports: Map<string, ContentReport>;
  listeners: Set<() => void>;
}
const registry = (): Registry => ((globalThis as { [SLOT]?: Registry })[SLOT] ??= { reports: new Map(), listeners: new Set() });

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

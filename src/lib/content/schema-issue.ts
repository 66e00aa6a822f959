import type { z } from 'astro/zod';

/**
 * The first thing a schema found wrong, at the path an editor looks at. A stray key comes first,
 * at its own place: it is mostly a misspelt field name, and the field it was meant to be is then
 * missing too. `entries` names what the schema checks, e.g. "articles".
 */
export function firstIssue(error: z.ZodError, entries: string): { path: PropertyKey[]; problem: string } {
  const issue = error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0];
  if (issue.code === 'unrecognized_keys') return { path: [...issue.path, issue.keys[0]], problem: `is not a field ${entries} have; check its spelling` };
  return { path: issue.path, problem: issue.message };
}

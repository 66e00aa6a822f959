import type { z } from 'astro/zod';

/**
 * A content mistake an editor has to fix: it names the file, the field (or line) and what was
 * expected, and stops the build, because a half-right article must never reach readers.
 */
export class ContentError extends Error {
  override name = 'ContentError';

  constructor(
    readonly file: string,
    readonly field: string | undefined,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    const where = line ? `${file}:${line}` : file;
    super(field ? `${where}: ${field}: ${problem}` : `${where}: ${problem}`);
  }
}

/** A field's path as editors write it, e.g. `images[1].src`. */
export const fieldName = (path: readonly PropertyKey[]) =>
  path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index ? '.' : ''}${String(key)}`)).join('');

/**
 * The first problem a schema found in `file`, as the ContentError an editor reads. `entries`
 * says what the file holds, e.g. "articles", for a field that does not exist.
 */
export function schemaError(file: string, error: z.ZodError, lineOf: (path: readonly PropertyKey[]) => number | undefined, entries: string) {
  // A stray key comes first and is reported at its own place: it is mostly a misspelt field name.
  const issue = error.issues.find((found) => found.code === 'unrecognized_keys') ?? error.issues[0];
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const problem = issue.code === 'unrecognized_keys' ? `is not a field ${entries} have; check its spelling` : issue.message;
  return new ContentError(file, fieldName(path), lineOf(path), problem);
}

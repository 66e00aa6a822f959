import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ContentError } from './content-error.ts';

/** Ids that articles may refer to, by what they name. */
export interface KnownIds {
  /** Slugs of the articles in the collection, for related-article links. */
  articles: readonly string[];
  authors: readonly string[];
  topics: readonly string[];
  sections: readonly string[];
  adSlots: readonly string[];
}

/** Reads the ids of a YAML list of `{ id: … }` records, e.g. content/authors.yaml. */
export function readIds(file: string): string[] {
  const list: unknown = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new ContentError(file, undefined, undefined, 'expected a YAML list of entries with an `id`');
  return list.map((entry, index) => {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !id) throw new ContentError(file, `[${index}].id`, undefined, 'expected a non-empty id');
    return id;
  });
}

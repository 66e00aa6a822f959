import { isDeepStrictEqual } from 'node:util';
import type { DataStore } from 'astro/loaders';
import type { LoadedArticle } from './entries.ts';

/**
 * Stores the articles a save under `astro dev` changed, and tells whether that changed the store,
 * and whether it named a new body beside it.
 * One whose body alone changed (the body lives beside the store) keeps its stored entry, and its
 * new body is named in `newer` instead, for the article page: a changed entry would have Astro
 * write its whole store and load it again, and work out every route anew, the part of a save
 * that grew with the archive. Any other change is stored, and forgets the newer body.
 */
export function storeSaved(store: Pick<DataStore, 'get' | 'set'>, saved: readonly LoadedArticle[], newer: Map<string, string>) {
  let changed = false;
  let changedBeside = false;
  for (const article of saved) {
    const stored = store.get(article.id);
    if (stored?.digest === undefined || String(stored.digest) === article.digest || stored.filePath !== article.filePath || !isDeepStrictEqual(stored.data, article.data)) {
      // The page showed the newer body until now.
      changedBeside = newer.delete(article.id) || changedBeside;
      changed = store.set(article) || changed;
    } else if (newer.get(article.id) !== article.digest) {
      newer.set(article.id, article.digest);
      changedBeside = true;
    }
  }
  return { changed, changedBeside };
}

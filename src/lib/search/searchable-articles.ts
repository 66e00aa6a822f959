import type { BodyBlock } from '../markdown/body-blocks.ts';

/** What the search index reads of an article. */
export interface SearchableArticle {
  id: string;
  /** The loader's digest of the article file and the code that read it. */
  digest: string;
  section: string;
  kicker: string;
  title: string;
  lead: string;
  images: readonly { id: string; caption: string; credit: string }[];
  body: readonly BodyBlock[];
}

// Astro loads the content config and the integrations as separate module instances of one
// process, so the article loader hands its entries to the search index through this one slot.
const SLOT = Symbol.for('zeitungsleser.searchable-articles');
type Slot = { [SLOT]?: () => SearchableArticle[] };

/** Called by the loader after each sync: how to list the articles as they now are. */
export function offerSearchableArticles(list: () => SearchableArticle[]) {
  (globalThis as Slot)[SLOT] = list;
}

/** The articles of the last sync, for the search index of this build. */
export function takeSearchableArticles(): SearchableArticle[] {
  const list = (globalThis as Slot)[SLOT];
  if (!list) throw new Error('The search index found no articles: the article loader did not run before the build');
  return list();
}

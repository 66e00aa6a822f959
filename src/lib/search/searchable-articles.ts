import { handover } from '../handover.ts';
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

/** The articles of the last sync, handed from the article loader to the search index. */
export const searchableArticles = handover<SearchableArticle>(
  // Stryker disable next-line StringLiteral: equivalent, because any name keeps this slot apart from the photos' one, which is "photos"
  'searchable-articles',
  'The search index found no articles: the article loader did not run before the build',
);

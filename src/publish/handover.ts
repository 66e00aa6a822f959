import type { ContentProblem } from '../lib/content/content-error.ts';
import type { Photo } from '../lib/photos/photo-ladder.ts';
import type { SearchableArticle } from '../lib/search/search-document.ts';

/*
 * Astro loads the content config, the integrations, the dev server's middleware and the pages as
 * separate module instances of one process, so module state does not reach from one to another.
 * What they hand each other goes through a named slot on the global object. Every such channel
 * is declared in this file, and nowhere else is the global object used.
 */

function slot<Value>(name: string, make: () => Value): Value {
  const slots = globalThis as unknown as Record<symbol, Value | undefined>;
  return (slots[Symbol.for(`zeitungsleser.${name}`)] ??= make());
}

/**
 * A list that several loaders offer to, each under its own name; the taker gets what all of them
 * offered in their last sync. `missing` explains a build whose loaders never ran.
 */
export function offers<Item>(name: string, missing: string) {
  const lists = () => slot(name, () => new Map<string, () => Item[]>());
  return {
    /** Called by a loader after each sync: how to list its items as they now are. */
    offer(from: string, list: () => Item[]) {
      lists().set(from, list);
    },
    /** The items of every loader's last sync. */
    take(): Item[] {
      const offered = lists();
      if (!offered.size) throw new Error(missing);
      return [...offered.values()].flatMap((list) => list());
    },
  };
}

/** The photos the content of the last sync shows: from the loaders to the photos integration. */
export const photosInUse = offers<Photo>('photos', 'The photos integration found no photos: the content loaders did not run before the build');

/** The articles of the last sync: from the article loader to the search index. */
export const searchableArticles = offers<SearchableArticle>(
  'searchable-articles',
  'The search index found no articles: the article loader did not run before the build',
);

/** Astro's `refreshContent`, as the `astro:server:setup` hook hands it over. */
export type RefreshContent = (options: { loaders: string[]; context: Record<string, unknown> }) => Promise<void>;

/**
 * Astro's `refreshContent` under `astro dev`: from the editor's preview, which is given it, to
 * the loaders, which ask it to write a save to the content store at once (loaders/store-write.ts).
 */
export const contentRefresh = () =>
  // Stryker disable next-line StringLiteral: equivalent, because the name only keeps this channel apart from the others, whose names are other words
  slot('content-refresh', () => ({ refresh: undefined as RefreshContent | undefined }));

/** What one loader found in its last sync under `astro dev`. */
export interface ContentReport {
  errors: readonly ContentProblem[];
  warnings: readonly ContentProblem[];
}

/**
 * The loaders' findings under `astro dev`, and the syncs saves have called for that are still to
 * report them, for the editor's preview (publish/preview/content-problems.ts).
 */
export const contentProblems = () =>
  // Stryker disable next-line StringLiteral: equivalent, because the name only keeps this channel apart from the others, whose names are other words
  slot('content-problems', () => ({ reports: new Map<string, ContentReport>(), listeners: new Set<() => void>(), pending: new Set<Promise<void>>() }));

/**
 * Under `astro dev`, the articles a save changed in their body alone, each with the digest of its
 * new body: from the article loader, which leaves their store entries as they were
 * (loaders/articles/body-saves.ts), to the article page, which shows the new body.
 */
export const newerBodies = () =>
  // Stryker disable next-line StringLiteral: equivalent, because the name only keeps this channel apart from the others, whose names are other words
  slot('newer-bodies', () => new Map<string, string>());

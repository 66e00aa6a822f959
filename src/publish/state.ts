import { join } from 'node:path';
import { PHOTO_FOLDER } from '../lib/photos/photo-ladder.ts';

/*
 * Every file the build keeps on disk between runs, named here and nowhere else: who writes it,
 * and when it goes stale. Nothing kept is trusted because it exists. A store is named by digests
 * of what it was made from, so a stale entry is never found, only pruned; a record says what a
 * folder holds and is checked against it before its files are reused.
 */

/**
 * Where Astro and our integrations keep their caches: this project folder's alone, so copies of
 * the project that share node_modules never read each other's pages. Delete it to start cold.
 */
export const CACHE_DIR = '.cache/astro';

/** The files kept in the cache folder. */
export function cacheFiles(cacheDir: string) {
  const at = (name: string) => join(cacheDir, name);
  return {
    /**
     * Held by the build that writes (publish/lock.ts), for all output folders alike, as they share
     * these stores. Stale once its holder is gone: then the next build takes it over. Claims to
     * take it over sit beside it (`build.lock.gone-…`) until the next holder sweeps them.
     */
    lock: at('build.lock'),
    /** Photo variants by digest of photo and encoder (publish/photos/photos.ts); pruned to those in use by each build. */
    photos: at('fotos'),
    /** Search index parts by digest of their articles (publish/search/search-index.ts); pruned to those in use. */
    searchIndex: at('search-index'),
    /** Entries the article loader made, by id and digest of file and code (publish/entry-cache.ts); shared by dev and build. */
    articles: at('articles'),
    /**
     * Their rendered bodies, by the same digest (publish/article-bodies.ts), read by the article
     * page; pruned by each build to its articles, so one the dev server made may be gone, which
     * the loader sees and renders again.
     */
    articleBodies: at('article-bodies'),
    /**
     * The digest of each article file's text, by its size, times and inode
     * (loaders/articles/source-digests.ts): a file whose seal changed is read again.
     */
    sourceDigests: at('source-digests.json'),
    /** What each photo file is, by its size and time (publish/photos/photo-catalog.ts); one file per loader. */
    photoCatalog: (loader: 'articles' | 'house-ads') => at(`photo-catalog-${loader}.json`),
    /** The CSP hashes of each page Astro keeps a copy of, by that copy's size and time (publish/site/page-hashes.ts). */
    pageHashes: at('page-hashes.json'),
    /**
     * Astro's own: the incremental build's manifest, which our records stamp to tell whether
     * another build has run since (publish/site/site-record.ts), and its copies of every page.
     */
    astroManifest: at('incremental-build.json'),
    astroPages: at('dist'),
  };
}

/**
 * The output folders whose files are hard links into stores in the cache (search index parts,
 * photo variants): their integrations keep them exact, so no record lists or copies them.
 */
export const LINKED_FOLDERS = ['pagefind/', `${PHOTO_FOLDER}/`];

/**
 * The folders of `npm run build` for the output `out` (e.g. `dist`), beside it:
 *
 * - `out` is a symbolic link to the live site, `out.builds/<generation>/site`, replaced in one
 *   `rename` when a build has finished (publish/site/generations.ts);
 * - `out.builds/<generation>/site.record.json` says what that site holds, file by file
 *   (publish/site/site-record.ts); a folder without one is never trusted;
 * - `out.builds/next/site` is where the running build writes; the generation before the live one
 *   becomes it, so that unchanged pages are already in place;
 * - `out.builds/link-<pid>` is a link being made, for a moment.
 */
export function outputFolders(out: string) {
  const builds = `${out}.builds`;
  const next = join(builds, 'next');
  return {
    live: out,
    builds,
    next,
    /** The site inside a generation's folder. */
    siteOf: (generation: string) => join(generation, 'site'),
    /** The folder a finished generation is kept in. */
    generation: (id: string) => join(builds, id),
    /** A link made aside, then renamed over `out`. */
    link: (pid: number) => join(builds, `link-${pid}`),
  };
}

export type OutputFolders = ReturnType<typeof outputFolders>;

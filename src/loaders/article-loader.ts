import { existsSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError } from '../lib/content/content-error.ts';
import type { KnownIds } from '../lib/content/known-ids.ts';
import type { SearchableArticle } from '../lib/search/search-document.ts';
import { ArticleBodies } from '../publish/article-bodies.ts';
import { EntryCache } from '../publish/entry-cache.ts';
import { buildNow } from '../publish/environment.ts';
import { newerBodies, photosInUse, searchableArticles } from '../publish/handover.ts';
import { PhotoCatalog } from '../publish/photos/photo-catalog.ts';
import { cacheFiles } from '../publish/state.ts';
import { type ArticleFile, listArticleFiles } from './article-files.ts';
import { storeSaved } from './articles/body-saves.ts';
import { articleEntries, type EntryMakers, type LoadedArticle, type StoredArticle } from './articles/entries.ts';
import { type Inventory, readKnownIds } from './articles/inventory.ts';
import { pipelineCode } from './articles/pipeline-code.ts';
import { publishedArticles, unpublishedArticles } from './articles/publication.ts';
import { SourceDigests } from './articles/source-digests.ts';
import { warningsAbout } from './articles/warnings.ts';
import { replaceEntries } from './replace-entries.ts';
import { syncAndWatch } from './watched-sync.ts';

export interface ArticleLoaderOptions {
  /** Folder of the article markdown files, relative to the project root. */
  directory: string;
  /** The YAML lists whose ids articles may refer to, relative to the project root. */
  inventory: Inventory;
}

/**
 * Loads `content/articles/*.md` through our own markdown pipeline, checking each article against
 * the schema and against the authors, topics, sections and ad slots that exist.
 *
 * Rendering is the costly part, so an entry is rendered again only when its file, the ad slots
 * its body may place or the pipeline's code changed since the stored one was made
 * (articles/entries.ts). Under `astro dev` a save of article files the last sync read reads
 * and stores those alone, and one that changed a body alone leaves the store as it was
 * (articles/body-saves.ts); any other save reads the file names, the lists and every file's
 * digest (articles/source-digests.ts), as a build does. Drafts and articles under embargo are
 * checked like any other, and a build leaves them out of the collection, so no page, listing,
 * feed, sitemap or search index can show them (articles/publication.ts); the preview keeps
 * them, marked.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  let makers: Omit<EntryMakers, 'store' | 'parseData' | 'generateDigest'> | undefined;
  let code: string | undefined;
  /**
   * What the last sync read, for a save under `astro dev` that changed article files in place:
   * the files by absolute path (as the watcher names them), the ids they may refer to, the salt
   * of their digests and the articles.
   */
  let last: { files: Map<string, ArticleFile>; known: KnownIds; salt: string; articles: LoadedArticle[] } | undefined;

  /** Reads every article file, and makes the store hold exactly the articles readers may see. */
  async function syncAll(makers: EntryMakers, preview: boolean, now: Date, logger: LoaderContext['logger']) {
    const { store, generateDigest } = makers;
    // A mistake in the lists or any file leaves nothing to read a later save against.
    last = undefined;
    const started = Date.now();
    const files = listArticleFiles(options.directory);
    let known: KnownIds;
    try {
      known = readKnownIds(options.inventory, files.map((file) => file.id));
    } catch (error) {
      // The data file's own loader shows this mistake in the preview.
      if (preview && error instanceof ContentError) return undefined;
      throw error;
    }
    code ??= pipelineCode();
    const salt = generateDigest([code, ...known.adSlots].join('\0'));
    const articles = await articleEntries(files, known, salt, makers);
    makers.catalog.save();
    makers.cache.keepOnly(new Set(known.articles));
    // Under `astro dev` a page asked for during a save is rendered from the store as it was, and
    // finds the body it names: the next build forgets the bodies no article has any more.
    if (!preview) makers.bodies.keepOnly(new Set(articles.map((article) => article.digest)), started);
    // Stryker disable next-line ArrowFunction: equivalent, because a file forgotten too soon is only read again
    makers.sources.keepOnly(new Set(files.map((file) => file.filePath)));
    makers.sources.save();
    // Stored only once every file passed, so a mistake leaves the last good collection whole.
    const { kept, unpublished } = publishedArticles(articles, now, preview, logger);
    const changed = replaceEntries(store, kept);
    // Every body is the one its entry names now.
    const changedBeside = newerBodies().size > 0;
    newerBodies().clear();
    last = { files: new Map(files.map((file) => [resolve(file.filePath), file])), known, salt, articles };
    return { articles, changed, changedBeside, unpublished };
  }

  /**
   * Reads the files a save changed in place, when the last sync read them all: no other article,
   * no list and no file name changed, so nothing else needs reading or checking again. The
   * photos an article shows are looked at again when it is saved, or by the next full sync.
   */
  async function syncSaved(makers: EntryMakers, read: NonNullable<typeof last>, files: readonly ArticleFile[], now: Date) {
    const saved = new Map((await articleEntries(files, read.known, read.salt, makers)).map((article) => [article.id, article]));
    const stored = storeSaved(makers.store, [...saved.values()], newerBodies());
    const articles = read.articles.map((article) => saved.get(article.id) ?? article);
    last = { ...read, articles };
    return { articles, ...stored, unpublished: unpublishedArticles(articles, now) };
  }

  async function sync({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext, saved?: readonly string[]) {
    const state = cacheFiles(fileURLToPath(config.cacheDir));
    makers ??= {
      catalog: new PhotoCatalog(state.photoCatalog('articles')),
      cache: new EntryCache(state.articles),
      bodies: new ArticleBodies(state.articleBodies),
      sources: new SourceDigests(state.sourceDigests),
    };
    const preview = watcher !== undefined;
    const now = buildNow();
    const read = last;
    const making = { store, parseData, generateDigest, ...makers };
    // A save of anything but files the last sync read, still there (a file added or removed, a
    // list), has every file read.
    const savedFiles = read && saved?.every((path) => read.files.has(path) && existsSync(path)) && saved.map((path) => read.files.get(path)!);
    const synced = read && savedFiles ? await syncSaved(making, read, savedFiles, now) : await syncAll(making, preview, now, logger);
    if (!synced) return undefined;
    const { bodies } = makers;
    // Stryker disable next-line StringLiteral: equivalent, because the name only keeps loaders' offers apart, and no other loader offers searchable articles
    searchableArticles.offer('articles', () =>
      store.values().map((entry) => {
        const digest = String(entry.digest);
        const body = () => bodies.get(digest, String(entry.filePath));
        return { ...(entry.data as Omit<SearchableArticle, 'id' | 'digest' | 'body'>), id: entry.id, digest, body };
      }),
    );
    // Stryker disable next-line StringLiteral: equivalent, because the name only keeps loaders' offers apart, and the only other loader offers as "house-ads"
    photosInUse.offer('articles', () => store.values().flatMap((entry) => (entry.data as unknown as StoredArticle).images.map((image) => image.src)));
    const { articles, unpublished, changed, changedBeside } = synced;
    return { warnings: articles.flatMap((article) => warningsAbout(article, unpublished, now)), changed, changedBeside };
  }

  const directory = resolve(options.directory);
  const inventory = Object.values(options.inventory).map((path) => resolve(path));
  const inArticles = (path: string) => !relative(directory, path).startsWith('..');
  const name = 'article-loader';
  return {
    name,
    load: (context) =>
      syncAndWatch(context, {
        loader: name,
        name: options.directory,
        paths: inventory,
        folders: [directory],
        // Article files and the folders that hold them, not an editor's swap and backup files.
        affects: (path) => (inArticles(path) && (path.endsWith('.md') || !extname(path))) || inventory.includes(path),
        sync: (saved) => sync(context, saved),
      }),
  };
}

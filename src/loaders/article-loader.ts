import { extname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError } from '../lib/content/content-error.ts';
import type { KnownIds } from '../lib/content/known-ids.ts';
import type { SearchableArticle } from '../lib/search/search-document.ts';
import { ArticleBodies } from '../publish/article-bodies.ts';
import { EntryCache } from '../publish/entry-cache.ts';
import { buildNow } from '../publish/environment.ts';
import { photosInUse, searchableArticles } from '../publish/handover.ts';
import { PhotoCatalog } from '../publish/photos/photo-catalog.ts';
import { cacheFiles } from '../publish/state.ts';
import { listArticleFiles } from './article-files.ts';
import { articleEntries, type StoredArticle } from './articles/entries.ts';
import { type Inventory, readKnownIds } from './articles/inventory.ts';
import { pipelineCode } from './articles/pipeline-code.ts';
import { publishedArticles } from './articles/publication.ts';
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
 * (articles/entries.ts); under `astro dev` a save reads only the files it changed
 * (articles/source-digests.ts). Drafts and articles under embargo are checked like any other,
 * and a build leaves them out of the collection, so no page, listing, feed, sitemap or search
 * index can show them (articles/publication.ts); the preview keeps them, marked.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  let makers: { catalog: PhotoCatalog; cache: EntryCache; bodies: ArticleBodies; sources: SourceDigests; code: string } | undefined;
  async function sync({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext) {
    const started = Date.now();
    const state = cacheFiles(fileURLToPath(config.cacheDir));
    makers ??= {
      catalog: new PhotoCatalog(state.photoCatalog('articles')),
      cache: new EntryCache(state.articles),
      bodies: new ArticleBodies(state.articleBodies),
      sources: new SourceDigests(state.sourceDigests),
      code: pipelineCode(),
    };
    const preview = watcher !== undefined;
    const now = buildNow();
    const files = listArticleFiles(options.directory);
    let known: KnownIds;
    try {
      known = readKnownIds(options.inventory, files.map((file) => file.id));
    } catch (error) {
      // The data file's own loader shows this mistake in the preview.
      if (preview && error instanceof ContentError) return undefined;
      throw error;
    }
    const salt = generateDigest([makers.code, ...known.adSlots].join('\0'));
    const articles = await articleEntries(files, known, salt, { store, parseData, generateDigest, ...makers });
    makers.catalog.save();
    makers.cache.keepOnly(new Set(known.articles));
    // Under `astro dev` a page asked for during a save is rendered from the store as it was, and
    // finds the body it names: the next build forgets the bodies no article has any more.
    if (!preview) makers.bodies.keepOnly(new Set(articles.map((article) => article.digest)), started);
    // Stryker disable next-line ArrowFunction: equivalent, because a file forgotten too soon is only read again
    makers.sources.keepOnly(new Set(files.map((file) => file.filePath)));
    makers.sources.save();
    const { kept, unpublished } = publishedArticles(articles, now, preview, logger);
    // Stored only once every file passed, so a mistake leaves the last good collection whole.
    const changed = replaceEntries(store, kept);
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
    return { warnings: articles.flatMap((article) => warningsAbout(article, unpublished, now)), changed };
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
        paths: [directory, ...inventory],
        // Article files and the folders that hold them, not an editor's swap and backup files.
        affects: (path) => (inArticles(path) && (path.endsWith('.md') || !extname(path))) || inventory.includes(path),
        sync: () => sync(context),
      }),
  };
}

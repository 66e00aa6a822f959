import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listArticleFiles } from './article-files.ts';
import { ContentError, ContentWarning, fieldName } from '../lib/content/content-error.ts';
import { type CheckedArticle, editorWarnings } from '../lib/content/editor-checks.ts';
import { splitFrontMatter } from '../lib/content/front-matter.ts';
import type { KnownIds } from '../lib/content/known-ids.ts';
import { readIds } from './data-files.ts';
import { type Publishable, publicationAt, type Unpublished, unpublishedLabel } from '../lib/content/publication.ts';
import { readArticle } from '../lib/content/read-article.ts';
import { findBrokenReferences, type Referring } from '../lib/content/references.ts';
import { replaceEntries } from './replace-entries.ts';
import { syncAndWatch } from './watched-sync.ts';
import { buildNow } from '../publish/environment.ts';
import { installedPackages } from '../publish/installed-packages.ts';
import { PhotoCatalog } from '../publish/photos/photo-catalog.ts';
import type { Photo } from '../lib/photos/photo-ladder.ts';
import { photosInUse, searchableArticles } from '../publish/handover.ts';
import { currentPhotoNames, withPhotos } from './content-photos.ts';
import { EntryCache } from '../publish/entry-cache.ts';
import type { SearchableArticle } from '../lib/search/search-document.ts';
import { cacheFiles } from '../publish/state.ts';

export interface ArticleLoaderOptions {
  /** Folder of the article markdown files, relative to the project root. */
  directory: string;
  /** The YAML lists whose ids articles may refer to, relative to the project root. */
  inventory: Record<Exclude<keyof KnownIds, 'articles'>, string>;
}

function readKnownIds(inventory: ArticleLoaderOptions['inventory'], articles: string[]): KnownIds {
  return {
    articles,
    authors: readIds(inventory.authors),
    topics: readIds(inventory.topics),
    sections: readIds(inventory.sections),
    adSlots: readIds(inventory.adSlots),
  };
}

/** A stored entry's data, as far as the loader reads it again. */
type StoredArticle = Omit<Referring, 'images'> & { images: { id: string; src: Photo }[] };

/** The code that turns a file into an entry: the loaders, the content checks and the markdown pipeline. */
const PIPELINE_FOLDERS = ['.', '../lib/content/', '../lib/markdown/'].map((folder) => fileURLToPath(new URL(folder, import.meta.url)));
function pipelineSource(): string {
  // Stryker disable StringLiteral: equivalent, because without 'utf8' each file comes as a Buffer, and join() below turns it into the same text
  const code = PIPELINE_FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .sort()
      .map((name) => readFileSync(join(folder, name), 'utf8')),
  );
  // Stryker restore StringLiteral
  // The installed packages include the pipeline's plugins.
  return [...code, installedPackages()].join('\0');
}

interface LoadedArticle {
  id: string;
  filePath: string;
  digest: string;
  data: Record<string, unknown>;
}

/** The editor's warnings about an article, located in its file; the file is read again only when there are some. */
function warningsAbout(article: LoadedArticle, unpublished: ReadonlyMap<string, Unpublished>, now: Date): ContentWarning[] {
  const found = editorWarnings(article.data as unknown as CheckedArticle, unpublished, now);
  if (!found.length) return [];
  const { lineOf } = splitFrontMatter(article.filePath, readFileSync(article.filePath, 'utf8'));
  return found.map(({ path, problem }) => new ContentWarning(article.filePath, fieldName(path), lineOf(path), problem));
}

/**
 * Loads `content/articles/*.md` through our own markdown pipeline, checking each article against
 * the schema and against the authors, topics, sections and ad slots that exist.
 *
 * Rendering is the costly part, so an entry is rendered again only when its file, the ad slots
 * its body may place or the pipeline's code changed since the stored one was made. References
 * to authors, topics, sections and other articles live in the front matter and are checked on
 * every sync, so deleting an author still stops the build.
 *
 * Drafts and articles under embargo are checked like any other, and a build leaves them out of
 * the collection, so no page, listing, feed, sitemap or search index can show them. Whether an
 * article is out is decided on every sync, stored or not: an embargo ends without its file
 * changing. `astro dev`, the editor's preview, keeps them; the article page marks them.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  let catalog: PhotoCatalog | undefined;
  let cache: EntryCache | undefined;
  async function sync({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext) {
    const state = cacheFiles(fileURLToPath(config.cacheDir));
    catalog ??= new PhotoCatalog(state.photoCatalog('articles'));
    cache ??= new EntryCache(state.articles);
    const preview = watcher !== undefined;
    const now = buildNow();
    const files = listArticleFiles(options.directory);
    const ids = files.map((file) => file.id);
    let known: KnownIds;
    try {
      known = readKnownIds(options.inventory, ids);
    } catch (error) {
      // The data file's own loader shows this mistake in the preview.
      if (preview && error instanceof ContentError) return undefined;
      throw error;
    }
    const salt = generateDigest([pipelineSource(), ...known.adSlots].join('\0'));
    // An entry is what its file says, with the photos its files hold now.
    const digestOf = (source: string, photos: readonly string[]) => generateDigest([salt, source, ...photos].join('\0'));
    const articles: LoadedArticle[] = [];
    for (const { id, filePath } of files) {
      const source = readFileSync(filePath, 'utf8');
      const stored = store.get(id);
      const inStore = stored?.digest !== undefined;
      // The store's entry, or the one the other command (dev or build) made.
      const made = inStore ? { digest: String(stored.digest), data: stored.data } : cache.get(id);
      const madeArticle = made?.data as unknown as StoredArticle | undefined;
      // A stored entry passed the schema when it was made, so its references are where they were.
      if (
        made &&
        madeArticle &&
        made.digest === digestOf(source, await currentPhotoNames(madeArticle.images.map((image) => image.src), catalog)) &&
        !findBrokenReferences(madeArticle, known).length
      ) {
        articles.push({ id, filePath, digest: made.digest, data: made.data });
        continue;
      }
      const article = readArticle(filePath, source, known);
      const images = await withPhotos(filePath, article.images, article.lineOf, catalog);
      const data = await parseData({ id, data: { ...article.data, images }, filePath });
      const digest = digestOf(source, images.map((image) => image.src.src));
      cache.set(id, { digest, data });
      articles.push({ id, filePath, digest, data });
    }
    catalog.save();
    cache.keepOnly(new Set(ids));
    const unpublished = new Map<string, Unpublished>();
    for (const article of articles) {
      const publication = publicationAt(article.data as Publishable, now);
      if (publication.state !== 'published') unpublished.set(article.id, publication);
    }
    const kept = articles.filter(({ id, filePath }) => {
      const publication = unpublished.get(id);
      if (!publication || preview) return true;
      logger.info(`${filePath}: ${unpublishedLabel(publication)}; left out of this build`);
      return false;
    });
    // Stored only once every file passed, so a mistake leaves the last good collection whole.
    replaceEntries(store, kept);
    // Stryker disable next-line StringLiteral: equivalent, because the name only keeps loaders' offers apart, and no other loader offers searchable articles
    searchableArticles.offer('articles', () =>
      store.values().map((entry) => ({ ...(entry.data as Omit<SearchableArticle, 'id' | 'digest'>), id: entry.id, digest: String(entry.digest) })),
    );
    // Stryker disable next-line StringLiteral: equivalent, because the name only keeps loaders' offers apart, and the only other loader offers as "house-ads"
    photosInUse.offer('articles', () => store.values().flatMap((entry) => (entry.data as unknown as StoredArticle).images.map((image) => image.src)));
    return articles.flatMap((article) => warningsAbout(article, unpublished, now));
  }

  const directory = resolve(options.directory);
  const inventory = Object.values(options.inventory).map((path) => resolve(path));
  const inArticles = (path: string) => !relative(directory, path).startsWith('..');
  return {
    name: 'article-loader',
    load: (context) =>
      syncAndWatch(context, {
        name: options.directory,
        paths: [directory, ...inventory],
        // Article files and the folders that hold them, not an editor's swap and backup files.
        affects: (path) => (inArticles(path) && (path.endsWith('.md') || !extname(path))) || inventory.includes(path),
        sync: () => sync(context),
      }),
  };
}

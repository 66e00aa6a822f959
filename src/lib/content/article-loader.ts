import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listArticleFiles } from './article-files.ts';
import { type KnownIds, readIds } from './known-ids.ts';
import { readArticle } from './read-article.ts';
import { findBrokenReferences, type Referring } from './references.ts';
import { installedPackages } from '../installed-packages.ts';
import { PhotoCatalog } from '../photos/photo-catalog.ts';
import type { Photo } from '../photos/photo-ladder.ts';
import { photosInUse } from '../photos/photos-in-use.ts';
import { currentPhotoNames, withPhotos } from './article-photos.ts';
import { type SearchableArticle, searchableArticles } from '../search/searchable-articles.ts';

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
type StoredArticle = Referring & { images: { id: string; src: Photo }[] };

/** The code that turns a file into an entry: this folder and the markdown pipeline's. */
const PIPELINE_FOLDERS = [new URL('.', import.meta.url), new URL('../markdown/', import.meta.url)].map((url) => fileURLToPath(url));
function pipelineSource(): string {
  const code = PIPELINE_FOLDERS.flatMap((folder) =>
    readdirSync(folder)
      .sort()
      .map((name) => readFileSync(join(folder, name), 'utf8')),
  );
  // The installed packages include the pipeline's plugins.
  return [...code, installedPackages()].join('\0');
}

/**
 * Loads `content/articles/*.md` through our own markdown pipeline, checking each article against
 * the schema and against the authors, topics, sections and ad slots that exist.
 *
 * Rendering is the costly part, so an entry is rendered again only when its file, the ad slots
 * its body may place or the pipeline's code changed since the stored one was made. References
 * to authors, topics, sections and other articles live in the front matter and are checked on
 * every sync, so deleting an author still stops the build.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  let catalog: PhotoCatalog | undefined;
  async function sync({ store, parseData, generateDigest, config }: LoaderContext) {
    catalog ??= new PhotoCatalog(fileURLToPath(new URL('photo-catalog.json', config.cacheDir)));
    const files = listArticleFiles(options.directory);
    const ids = files.map((file) => file.id);
    const known = readKnownIds(options.inventory, ids);
    const salt = generateDigest([pipelineSource(), ...known.adSlots].join('\0'));
    // An entry is what its file says, with the photos its files hold now.
    const digestOf = (source: string, photos: readonly string[]) => generateDigest([salt, source, ...photos].join('\0'));
    for (const { id, filePath } of files) {
      const source = readFileSync(filePath, 'utf8');
      const stored = store.get(id);
      const storedArticle = stored?.data as unknown as StoredArticle | undefined;
      // A stored entry passed the schema when it was made, so its references are where they were.
      if (
        storedArticle &&
        stored?.digest === digestOf(source, await currentPhotoNames(storedArticle.images, catalog)) &&
        !findBrokenReferences(storedArticle, known).length
      ) {
        continue;
      }
      const article = readArticle(filePath, source, known);
      const images = await withPhotos(filePath, article.images, article.lineOf, catalog);
      const data = await parseData({ id, data: { ...article.data, images }, filePath });
      store.set({ id, data, filePath, digest: digestOf(source, images.map((image) => image.src.src)) });
    }
    catalog.save();
    const current = new Set(ids);
    for (const id of store.keys()) if (!current.has(id)) store.delete(id);
    searchableArticles.offer(() =>
      store.values().map((entry) => ({ ...(entry.data as Omit<SearchableArticle, 'id' | 'digest'>), id: entry.id, digest: String(entry.digest) })),
    );
    photosInUse.offer(() => {
      const photos = new Map<string, Photo>();
      for (const entry of store.values()) for (const { src } of (entry.data as unknown as StoredArticle).images) photos.set(src.src, src);
      return [...photos.values()];
    });
  }

  return {
    name: 'article-loader',
    async load(context) {
      await sync(context);
      const watched = [options.directory, ...Object.values(options.inventory)].map((path) => resolve(path));
      context.watcher?.add(watched);
      context.watcher?.on('all', (_event, changed) => {
        if (!watched.some((path) => !relative(path, changed).startsWith('..'))) return;
        sync(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

import { readFileSync } from 'node:fs';
import type { LoaderContext } from 'astro/loaders';
import type { KnownIds } from '../../lib/content/known-ids.ts';
import { readArticle } from '../../lib/content/read-article.ts';
import { findBrokenReferences, type Referring } from '../../lib/content/references.ts';
import type { Photo } from '../../lib/photos/photo-ladder.ts';
import type { ArticleBodies } from '../../publish/article-bodies.ts';
import type { CachedEntry, EntryCache } from '../../publish/entry-cache.ts';
import type { PhotoCatalog } from '../../publish/photos/photo-catalog.ts';
import type { ArticleFile } from '../article-files.ts';
import { currentPhotoNames, withPhotos } from '../content-photos.ts';
import type { SourceDigests } from './source-digests.ts';

export interface LoadedArticle {
  id: string;
  filePath: string;
  digest: string;
  data: Record<string, unknown>;
}

/** A stored entry's data, as far as the loader reads it again. */
export type StoredArticle = Omit<Referring, 'images'> & { images: { id: string; src: Photo }[] };

export interface EntryMakers extends Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'> {
  /** The entries the other command (dev or build) made. */
  cache: EntryCache;
  /** The entries' rendered bodies, which the store does not hold. */
  bodies: ArticleBodies;
  catalog: PhotoCatalog;
  sources: SourceDigests;
}

/**
 * The entry of each article file. One made before (in the store, or by the other command) is
 * taken while its file, its photos and the code that made it (`salt`) are as they were, its
 * rendered body is still there, and its references still hold: they live in the front matter
 * and are checked on every sync, so deleting an author still stops the build. Any other file is
 * read, checked and rendered anew; its body is written beside the store, not into it.
 */
export async function articleEntries(files: readonly ArticleFile[], known: KnownIds, salt: string, makers: EntryMakers): Promise<LoadedArticle[]> {
  const { store, parseData, generateDigest, cache, bodies, catalog, sources } = makers;
  // An entry is what its file says, with the photos its files hold now.
  // Stryker disable next-line StringLiteral: equivalent, because salt and source are digests of fixed length, and the photos' names follow from the source up to digests of fixed length: no two lists run together alike
  const digestOf = (source: string, photos: readonly string[]) => generateDigest([salt, source, ...photos].join('\0'));
  /** `made`, if it is what its file and photos make now and its body is still there. */
  const current = async (source: string, made: CachedEntry | undefined) => {
    // An entry has images whenever there is one: none, if other code made it (its digest differs then too).
    const images = (made?.data as unknown as StoredArticle | undefined)?.images;
    if (images && bodies.has(made!.digest) && made!.digest === digestOf(source, await currentPhotoNames(images.map((image) => image.src), catalog))) return made;
    return undefined;
  };
  const articles: LoadedArticle[] = [];
  for (const { id, filePath } of files) {
    const { digest: source, source: text } = sources.of(filePath);
    const stored = store.get(id);
    // The stored entry, or the newer one a save under `astro dev` rendered and did not store (body-saves.ts).
    const made = (await current(source, stored?.digest === undefined ? undefined : { digest: String(stored.digest), data: stored.data })) ?? (await current(source, cache.get(id)));
    if (made && !findBrokenReferences(made.data as unknown as StoredArticle, known).length) {
      articles.push({ id, filePath, digest: made.digest, data: made.data });
      continue;
    }
    const article = readArticle(filePath, text ?? readFileSync(filePath, 'utf8'), known);
    const images = await withPhotos(filePath, article.images, article.lineOf, catalog);
    const data = await parseData({ id, data: { ...article.data, images }, filePath });
    const digest = digestOf(source, images.map((image) => image.src.src));
    bodies.set(digest, article.body);
    cache.set(id, { digest, data });
    articles.push({ id, filePath, digest, data });
  }
  return articles;
}

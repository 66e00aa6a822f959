import { dirname, resolve } from 'node:path';
import type { PhotoCatalog } from '../photos/photo-catalog.ts';
import type { Photo } from '../photos/photo-ladder.ts';
import { ContentError, fieldName } from './content-error.ts';
import type { ReadArticle } from './read-article.ts';

/**
 * The article's images with their photos described: each `src`, a path relative to the article
 * file, becomes the photo the pages and the image service use. A file that is no photo we can
 * make variants of stops the build, naming the field.
 */
export async function withPhotos<Image extends { src: string }>(file: string, images: readonly Image[], lineOf: ReadArticle['lineOf'], catalog: PhotoCatalog) {
  return Promise.all(
    images.map(async (image, index): Promise<Omit<Image, 'src'> & { src: Photo }> => {
      try {
        return { ...image, src: await catalog.describe(resolve(dirname(file), image.src)) };
      } catch (error) {
        const path = ['images', index, 'src'];
        throw new ContentError(file, fieldName(path), lineOf(path), (error as Error).message);
      }
    }),
  );
}

/** The names of the photos in the files a stored article's photos were made from, as they are now. */
export const currentPhotoNames = (images: readonly { src: Photo }[], catalog: PhotoCatalog) =>
  Promise.all(images.map(({ src }) => catalog.describe(src.fsPath).then((photo) => photo.src, () => 'missing')));

import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PhotoCatalog } from '../publish/photos/photo-catalog.ts';
import type { Photo } from '../lib/photos/photo-ladder.ts';
import { ContentError, fieldName } from '../lib/content/content-error.ts';
import type { YamlSource } from '../lib/content/yaml-source.ts';

/**
 * The photo a content file names at `path` (a field such as `images[0].src`): `src` is relative
 * to the file. A missing file, or one that is no photo the build can make variants of, stops
 * the build naming the file, the line and the field.
 */
export async function photoAt(file: string, src: string, path: readonly PropertyKey[], lineOf: YamlSource['lineOf'], catalog: PhotoCatalog): Promise<Photo> {
  const fsPath = resolve(dirname(file), src);
  const problem = (message: string) => new ContentError(file, fieldName(path), lineOf(path), message);
  if (!statSync(fsPath, { throwIfNoEntry: false })?.isFile()) throw problem(`no image file at "${src}" (paths are relative to ${file})`);
  try {
    return await catalog.describe(fsPath);
  } catch (error) {
    throw problem((error as Error).message);
  }
}

/** An article's images with their photos described, each `src` relative to the article file. */
export const withPhotos = <Image extends { src: string }>(file: string, images: readonly Image[], lineOf: YamlSource['lineOf'], catalog: PhotoCatalog) =>
  Promise.all(images.map(async (image, index) => ({ ...image, src: await photoAt(file, image.src, ['images', index, 'src'], lineOf, catalog) })));

/** The names of the photos in the files a stored entry's photos were made from, as they are now. */
export const currentPhotoNames = (photos: readonly Photo[], catalog: PhotoCatalog) =>
  Promise.all(photos.map((photo) => catalog.describe(photo.fsPath).then((now) => now.src, () => 'missing')));

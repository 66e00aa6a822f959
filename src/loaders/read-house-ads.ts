import { z } from 'astro/zod';
import { readDataFile } from './data-files.ts';
import { photoAt } from './content-photos.ts';
import type { PhotoCatalog } from '../publish/photos/photo-catalog.ts';
import { houseAdSchema } from '../lib/ads/house-ad-schema.ts';

// The image is a path relative to the file here; the collection stores the photo made of it.
const asWritten = houseAdSchema(() => z.string());

/**
 * Reads the house ads file (content/house-ads.yaml): every creative checked against the schema,
 * its id used once and its image described as a photo. Any mistake throws a ContentError naming
 * the file, the line and the field.
 */
export async function readHouseAds(file: string, catalog: PhotoCatalog) {
  const { entries, lineOf } = readDataFile(file, asWritten, { entries: 'house ads' });
  return Promise.all(
    entries.map(async ({ id, data }, index) => ({ id, data: { ...data, image: await photoAt(file, String(data.image), [index, 'image'], lineOf, catalog) } })),
  );
}

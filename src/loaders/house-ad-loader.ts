import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { recordFileLoader } from './data-file-loader.ts';
import { PhotoCatalog } from '../publish/photos/photo-catalog.ts';
import type { Photo } from '../lib/photos/photo-ladder.ts';
import { photosInUse } from '../publish/handover.ts';
import { readHouseAds } from './read-house-ads.ts';
import { cacheFiles } from '../publish/state.ts';

/**
 * Loads the house ads from one YAML file, a mistake named by file, line and field (in the
 * browser under `astro dev`), their images handed to the photos integration like articles'.
 */
export function houseAdLoader(file: string): Loader {
  let catalog: PhotoCatalog | undefined;
  return recordFileLoader(
    file,
    'house-ad-loader',
    async ({ config }) => {
      catalog ??= new PhotoCatalog(cacheFiles(fileURLToPath(config.cacheDir)).photoCatalog('house-ads'));
      const ads = await readHouseAds(file, catalog);
      catalog.save();
      return ads;
    },
    // Stryker disable next-line StringLiteral: equivalent, because the name only keeps loaders' offers apart, and the only other loader offers as "articles"
    (store) => photosInUse.offer('house-ads', () => store.values().map((entry) => (entry.data as { image: Photo }).image)),
  );
}

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { syncAndWatch } from '../content/watched-sync.ts';
import { PhotoCatalog } from '../photos/photo-catalog.ts';
import type { Photo } from '../photos/photo-ladder.ts';
import { photosInUse } from '../photos/photos-in-use.ts';
import { readHouseAds } from './read-house-ads.ts';
import { replaceEntries } from '../content/replace-entries.ts';

/**
 * Loads the house ads from one YAML file, a mistake named by file, line and field (in the
 * browser under `astro dev`), their images handed to the photos integration like articles'.
 */
export function houseAdLoader(file: string): Loader {
  const path = resolve(file);
  let catalog: PhotoCatalog | undefined;
  return {
    name: 'house-ad-loader',
    load: ({ store, parseData, generateDigest, config, ...context }) =>
      syncAndWatch(context, {
        name: file,
        paths: [path],
        affects: (changed) => changed === path,
        async sync() {
          catalog ??= new PhotoCatalog(fileURLToPath(new URL('photo-catalog-house-ads.json', config.cacheDir)));
          const ads = await readHouseAds(file, catalog);
          catalog.save();
          const entries = await Promise.all(
            ads.map(async ({ id, data }) => ({ id, data: await parseData({ id, data, filePath: file }), filePath: file, digest: generateDigest(data) })),
          );
          replaceEntries(store, entries);
          // Stryker disable next-line StringLiteral: equivalent, because the name only keeps loaders' offers apart, and the only other loader offers as "articles"
          photosInUse.offer('house-ads', () => store.values().map((entry) => (entry.data as { image: Photo }).image));
          return [];
        },
      }),
  };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readHouseAds } from './read-house-ads.ts';

/**
 * Loads the house ads from one YAML file. Unlike Astro's file() loader, whose parser errors only
 * log and leave the collection empty, a mistake here stops the build naming file, line and field.
 */
export function houseAdLoader(file: string): Loader {
  async function sync({ store, parseData }: LoaderContext) {
    const ads = readHouseAds(file, readFileSync(file, 'utf8'));
    store.clear();
    for (const ad of ads) {
      const id = String(ad.id);
      store.set({ id, data: await parseData({ id, data: ad, filePath: file }), filePath: file });
    }
  }

  return {
    name: 'house-ad-loader',
    async load(context) {
      await sync(context);
      const watched = resolve(file);
      context.watcher?.add(watched);
      context.watcher?.on('change', (changed) => {
        if (changed === watched) sync(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

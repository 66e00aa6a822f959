import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { servePhotos } from './dev-photo-route.ts';
import { encodeVariant } from './photo-encoder.ts';
import { PHOTO_FOLDER, type Photo, photoVariants, variantFile } from '../../lib/photos/photo-ladder.ts';
import { photosInUse } from '../handover.ts';
import { linkFile, pruneStore } from '../disk.ts';
import { cacheFiles } from '../state.ts';

/**
 * Makes into `store` every variant of the photos that is not there from an earlier build, one
 * photo per core at a time. Resolves with the file names of all variants in use.
 */
async function makeVariants(photos: readonly Photo[], store: string) {
  mkdirSync(store, { recursive: true });
  const inUse = new Set<string>();
  const missing: (() => Promise<void>)[] = [];
  for (const photo of photos) {
    const variants = photoVariants(photo).filter((variant) => {
      const file = variantFile(photo, variant);
      const made = inUse.has(file) || existsSync(join(store, file));
      inUse.add(file);
      return !made;
    });
    if (variants.length) missing.push(async () => {
      for (const variant of variants) await encodeVariant(photo, variant, join(store, variantFile(photo, variant)));
    });
  }
  // One photo per core: sharp does its work off the main thread.
  const limit = pLimit(availableParallelism());
  await Promise.all(missing.map((job) => limit(job)));
  return { inUse, made: missing.length };
}

/**
 * The photos of the site: every photo the content shows is made in every variant of the
 * ladder (src/lib/photos/photo-ladder.ts) once, into `.cache/astro/fotos/`, and linked into
 * `dist/_astro/fotos/` by each build. Making starts when the build does, beside Astro's page
 * rendering; a photo already made by an earlier build costs a link.
 */
export function photos(): AstroIntegration {
  /** Set as the config is done, before any other hook. */
  let store: string;
  let making: ReturnType<typeof makeVariants> | undefined;
  return {
    name: 'photos',
    hooks: {
      'astro:config:done': ({ config }) => {
        store = cacheFiles(fileURLToPath(config.cacheDir)).photos;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(servePhotos(store));
      },
      'astro:build:start': () => {
        making = makeVariants(photosInUse.take(), store);
        // A failure is reported at the end of the build; until then it must not end the process.
        making.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { inUse, made } = await making!;
        const output = join(fileURLToPath(dir), PHOTO_FOLDER);
        mkdirSync(output, { recursive: true });
        for (const file of inUse) linkFile(join(store, file), join(output, file));
        pruneStore(output, inUse);
        pruneStore(store, inUse);
        logger.info(`${inUse.size} photo file(s) in use, ${made} photo(s) made anew`);
      },
    },
  };
}

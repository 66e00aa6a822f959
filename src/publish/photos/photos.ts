import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { encodeVariant } from './photo-encoder.ts';
import { isMade, parseVariantFile, PHOTO_FOLDER, type Photo, photoVariants, type Variant, variantFile } from '../../lib/photos/photo-ladder.ts';
import { photosInUse } from '../handover.ts';
import { linkFile, pruneStore } from '../disk.ts';

const CONTENT_TYPES = { avif: 'image/avif', jpg: 'image/jpeg', png: 'image/png' };

/** Runs `jobs` with at most `limit` at a time; sharp does its work off the main thread. */
async function runAll(jobs: (() => Promise<void>)[], limit: number) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

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
  await runAll(missing, availableParallelism());
  return { inUse, made: missing.length };
}

/** Serves photo variants under `astro dev`, making each the first time a page asks for it. */
function servePhotos(store: string): Connect.NextHandleFunction {
  const making = new Map<string, Promise<void>>();
  /** The variant in the store, made once however many requests ask for it at the same time. */
  function made(photo: Photo, variant: Variant, target: string): Promise<void> {
    if (existsSync(target)) return Promise.resolve();
    let promise = making.get(target);
    if (!promise) {
      mkdirSync(store, { recursive: true });
      promise = encodeVariant(photo, variant, target).finally(() => making.delete(target));
      making.set(target, promise);
    }
    return promise;
  }
  return (request, response, next) => {
    const [, file] = new RegExp(`/${PHOTO_FOLDER}/([^/?]+)`).exec(request.url ?? '') ?? [];
    const wanted = file ? parseVariantFile(file) : undefined;
    const photo = wanted && photosInUse.take().find((candidate) => candidate.src === wanted.src);
    if (!wanted || !photo || !isMade(photo, wanted.variant)) return next();
    const target = join(store, file);
    made(photo, wanted.variant, target).then(
      () => {
        response.setHeader('content-type', CONTENT_TYPES[wanted.variant.format]);
        response.setHeader('cache-control', 'no-cache');
        createReadStream(target).pipe(response);
      },
      (error: Error) => next(error),
    );
  };
}

/**
 * The photos of the site: every photo the content shows is made in every variant of the
 * ladder (src/lib/photos/photo-ladder.ts) once, into `.cache/astro/fotos/`, and linked into
 * `dist/_astro/fotos/` by each build. Making starts when the build does, beside Astro's page
 * rendering; a photo already made by an earlier build costs a link.
 */
export function photos(): AstroIntegration {
  let store = '';
  let making: ReturnType<typeof makeVariants> | undefined;
  return {
    name: 'photos',
    hooks: {
      'astro:config:done': ({ config }) => {
        store = join(fileURLToPath(config.cacheDir), 'fotos');
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

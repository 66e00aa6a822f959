import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Connect } from 'vite';
import { isMade, parseVariantFile, PHOTO_FOLDER, type Photo, type Variant, variantFile } from '../../lib/photos/photo-ladder.ts';
import { photosInUse } from '../handover.ts';
import { encodeVariant } from './photo-encoder.ts';

const CONTENT_TYPES = { avif: 'image/avif', jpg: 'image/jpeg', png: 'image/png' };

/**
 * Serves photo variants under `astro dev`, making each the first time a page asks for it. A file
 * error (a build pruning the shared store may delete a variant while a page asks for it) answers
 * that one request with 404 or 500; the dev server goes on.
 */
export function servePhotos(store: string): Connect.NextHandleFunction {
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
    const file = new RegExp(`/${PHOTO_FOLDER}/([^/?]+)`).exec(String(request.url))?.[1];
    const wanted = file ? parseVariantFile(file) : undefined;
    const photo = wanted && photosInUse.take().find((candidate) => candidate.src === wanted.src);
    if (!wanted || !photo || !isMade(photo, wanted.variant)) return next();
    const target = join(store, variantFile(photo, wanted.variant));
    made(photo, wanted.variant, target).then(
      () => {
        const stream = createReadStream(target);
        stream.once('error', (error: NodeJS.ErrnoException) => {
          if (response.headersSent) return response.destroy(error);
          response.statusCode = error.code === 'ENOENT' ? 404 : 500;
          response.end();
        });
        stream.once('open', () => {
          response.setHeader('content-type', CONTENT_TYPES[wanted.variant.format]);
          response.setHeader('cache-control', 'no-cache');
          stream.pipe(response);
        });
      },
      (error: Error) => next(error),
    );
  };
}

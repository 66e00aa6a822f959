import type { ExternalImageService } from 'astro';
import { baseService } from 'astro/assets';
import { createUrls } from '../urls.ts';
import { isMade, PHOTO_FOLDER, type Photo, photoVariants, type VariantFormat, variantFile } from './photo-ladder.ts';

const isPhoto = (src: unknown): src is Photo => typeof src === 'object' && src !== null && 'fsPath' in src && 'src' in src;

/**
 * Astro's image service for our photos. It makes no image itself: it names the variant a page
 * asks for, and the photos integration makes every variant of every photo once, into a cache
 * kept between builds. So a page records no image work of its own for the incremental build,
 * and a component can ask only for variants that exist.
 */
const imageService: ExternalImageService = {
  ...baseService,
  getURL(options, imageConfig) {
    const photo = options.src;
    if (!isPhoto(photo)) throw new Error(`Only photos from the content folder can be shown, not ${JSON.stringify(photo)}`);
    const variant = { width: Number(options.width), format: (options.format === 'jpeg' ? 'jpg' : options.format) as VariantFormat };
    if (!isMade(photo, variant)) {
      const made = photoVariants(photo).map(({ width, format }) => `${format} ${width}`);
      throw new Error(`The build makes no ${variant.format} ${variant.width} px wide of ${photo.src}; it makes ${made.join(', ')}`);
    }
    // The base path the site is built for, set in astro.config.mjs as the service's config.
    const { base = '/' } = (imageConfig.service.config ?? {}) as { base?: string };
    return createUrls(base).file(`${PHOTO_FOLDER}/${variantFile(photo, variant)}`);
  },
};

export default imageService;

import { describe, expect, it } from 'vitest';
import imageService from '../../src/lib/photos/image-service.ts';

const photo = { src: 'kabinett.AbCdEfGhIj', width: 2400, height: 1600, format: 'jpg' as const, fsPath: '/content/images/kabinett.jpg' };
/** The service as Astro calls it, with the image config of astro.config.mjs and a logger. */
const getURL = (options: object, base?: string) =>
  imageService.getURL(...([options, { service: { config: base === undefined ? undefined : { base } } }, console] as unknown as Parameters<typeof imageService.getURL>));
const urlOf = (options: object) => getURL({ src: photo, ...options });

describe('the image service', () => {
  it('names the variant the photos integration makes', async () => {
    expect(await urlOf({ width: 800, format: 'avif' })).toBe('/_astro/fotos/kabinett.AbCdEfGhIj-800.avif');
    expect(await urlOf({ width: 1200, format: 'jpeg' })).toBe('/_astro/fotos/kabinett.AbCdEfGhIj-1200.jpg');
  });

  it('names it under the base path the site is built for', async () => {
    expect(await getURL({ src: photo, width: 400, format: 'avif' }, '/zeitung/')).toBe('/zeitung/_astro/fotos/kabinett.AbCdEfGhIj-400.avif');
  });

  it('refuses a variant the build does not make, rather than point at a missing file', () => {
    expect(() => urlOf({ width: 1000, format: 'avif' })).toThrow(
      'The build makes no avif 1000 px wide of kabinett.AbCdEfGhIj; it makes avif 400, jpg 400, avif 800, jpg 800, avif 1200, jpg 1200, avif 1600, jpg 1600',
    );
    expect(() => urlOf({ width: 800, format: 'webp' })).toThrow('The build makes no webp 800 px wide');
  });

  it('refuses images that are not photos of the content folder', () => {
    expect(() => getURL({ src: 'https://example.org/bild.jpg', width: 800 })).toThrow(
      'Only photos from the content folder can be shown, not "https://example.org/bild.jpg"',
    );
    expect(() => getURL({ src: null, width: 800 })).toThrow('Only photos from the content folder can be shown, not null');
    expect(() => getURL({ src: { src: 'bild.jpg', width: 800, height: 600, format: 'jpg' }, width: 800 })).toThrow('Only photos from the content folder can be shown');
  });

  it('is an external service: Astro records no image work for the pages that use it', () => {
    expect('transform' in imageService).toBe(false);
  });
});

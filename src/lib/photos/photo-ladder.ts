import { createHash } from 'node:crypto';

/** The kinds of photo file an article may name. */
export const SOURCE_FORMATS = ['jpg', 'png', 'webp', 'avif', 'tiff'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * A photo as pages and the image service see it: what Astro calls image metadata, plus where
 * the file is. `src` is the photo's name in URLs: its file name and a digest of its content
 * and of how it is encoded, so a replaced photo or a new encoder setting gets new addresses
 * while the CDN keeps every address for a year.
 */
export interface Photo {
  src: string;
  width: number;
  height: number;
  format: SourceFormat;
  fsPath: string;
}

/**
 * The widths every photo is made in: 400 for small phones, 800 and 1200 for phones at two and
 * three device pixels, 1600 for the 720-pixel article column on a desktop screen at two.
 */
export const PHOTO_WIDTHS = [400, 800, 1200, 1600] as const;

/**
 * How each format is encoded. AVIF is what nearly every browser shows; it is encoded at effort 1
 * and quality 55, where its SSIM matches Astro's default (effort 4, quality 50) at a twelfth of
 * the time and a quarter more bytes. JPEG (PNG for PNG sources, which may be transparent) is the
 * fallback for browsers without AVIF and the image for link previews. WebP is not made: it served
 * only browsers that have neither AVIF nor old age, and cost half as much time again as AVIF.
 * scripts/bench/photo-formats.ts measures these choices; the README has the figures.
 */
export const ENCODINGS = {
  avif: { quality: 55, effort: 1 },
  jpg: { quality: 80 },
  png: { compressionLevel: 9 },
} as const;
export type VariantFormat = keyof typeof ENCODINGS;

/** Where the made photos are served from, under the site's base. */
export const PHOTO_FOLDER = '_astro/fotos';

const ENCODING_DIGEST = JSON.stringify([PHOTO_WIDTHS, ENCODINGS]);

/** The photo's name in URLs, from its file name and the digest of its bytes. */
export function photoName(fileName: string, contentDigest: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const digest = createHash('sha256').update(`${contentDigest}\0${ENCODING_DIGEST}`).digest('base64url').slice(0, 10);
  return `${base || 'foto'}.${digest}`;
}

/** The widths made of a photo: those of the ladder it is wide enough for, or its own if it is narrower. */
export function photoWidths(photo: Pick<Photo, 'width'>): number[] {
  const widths = PHOTO_WIDTHS.filter((width) => width <= photo.width);
  return widths.length ? widths : [photo.width];
}

/**
 * The widths a page offers of a photo where it is shown at most `upTo` pixels wide (at the
 * largest device pixel ratio it serves), e.g. 1200 for the link-preview image.
 */
export function shownWidths(photo: Pick<Photo, 'width'>, upTo: number): number[] {
  const made = photoWidths(photo);
  const shown = made.filter((width) => width <= upTo);
  return shown.length ? shown : made.slice(0, 1);
}

/**
 * The widths worth offering of a photo shown at most `cssWidth` pixels wide: up to the first that
 * is sharp on a screen of two device pixels a pixel, the most phones and laptops have.
 */
export function widthsFor(photo: Pick<Photo, 'width'>, cssWidth: number): number[] {
  const made = photoWidths(photo);
  const sharp = made.findIndex((width) => width >= 2 * cssWidth);
  return sharp === -1 ? made : made.slice(0, sharp + 1);
}

/** The format of the fallback `<img>` and of link previews: JPEG, or PNG where the source is one. */
export const fallbackFormat = (photo: Pick<Photo, 'format'>): VariantFormat => (photo.format === 'png' ? 'png' : 'jpg');

export interface Variant {
  width: number;
  format: VariantFormat;
}

/** Every file the build makes of a photo. */
export const photoVariants = (photo: Pick<Photo, 'width' | 'format'>): Variant[] =>
  photoWidths(photo).flatMap((width) => [{ width, format: 'avif' as const }, { width, format: fallbackFormat(photo) }]);

/** The file name of one made variant, e.g. `kabinett.x1Yq0aBcD2-800.avif`. */
export const variantFile = (photo: Pick<Photo, 'src'>, { width, format }: Variant) => `${photo.src}-${width}.${format}`;

/** The variant a file name under PHOTO_FOLDER names, or undefined. */
export function parseVariantFile(file: string): { src: string; variant: Variant } | undefined {
  const match = /^(.+)-(\d+)\.(avif|jpg|png)$/.exec(file);
  return match ? { src: match[1], variant: { width: Number(match[2]), format: match[3] as VariantFormat } } : undefined;
}

/** Whether the build makes this variant of the photo; anything else would be a broken image. */
export const isMade = (photo: Pick<Photo, 'width' | 'format'>, { width, format }: Variant) =>
  photoVariants(photo).some((variant) => variant.width === width && variant.format === format);

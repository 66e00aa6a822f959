// What each photo variant costs and what readers get: for every format and setting, the
// seconds to encode one photo in all ladder widths (one thread), and per width the bytes and
// the SSIM against the photo scaled to that width without loss. "before" is what Astro's image
// service made (AVIF quality 50 effort 4, WebP 80, JPEG 80), "after" what the photos integration
// makes (src/lib/photos/photo-ladder.ts).
// Usage: npm run photo-formats -- [folder of JPEG photos]   (without one: 8 generated agency-size pictures)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { ENCODINGS, PHOTO_WIDTHS } from '../../src/lib/photos/photo-ladder.ts';
import { drawPictures } from './agency-photos.ts';
import { ssim } from './ssim.ts';

sharp.concurrency(1);
sharp.cache(false);

const SETTINGS: [string, (image: Sharp) => Sharp][] = [
  ['before: AVIF q50 effort 4', (image) => image.avif({ quality: 50, effort: 4 })],
  ['before: WebP q80', (image) => image.webp({ quality: 80 })],
  ['before/after: JPEG q80', (image) => image.jpeg(ENCODINGS.jpg)],
  [`after: AVIF q${ENCODINGS.avif.quality} effort ${ENCODINGS.avif.effort}`, (image) => image.avif(ENCODINGS.avif)],
];

const folder = process.argv[2];
const photos = folder
  ? readdirSync(folder)
      .filter((name) => /\.jpe?g$/i.test(name))
      .map((name) => readFileSync(join(folder, name)))
  : await drawPictures(8);

const luma = async (image: Buffer) => {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

console.log(`${photos.length} photos${folder ? ` from ${folder}` : ', generated'}; mean per photo\n`);
console.log(`| setting | seconds a photo | ${PHOTO_WIDTHS.map((width) => `${width} px`).join(' | ')} |`);
console.log(`| --- | --- | ${PHOTO_WIDTHS.map(() => '---').join(' | ')} |`);
for (const [name, encode] of SETTINGS) {
  let seconds = 0;
  const bytes = PHOTO_WIDTHS.map(() => 0);
  const score = PHOTO_WIDTHS.map(() => 0);
  for (const photo of photos) {
    for (const [index, width] of PHOTO_WIDTHS.entries()) {
      const reference = await luma(await sharp(photo).resize({ width }).png().toBuffer());
      const started = performance.now();
      const encoded = await encode(sharp(photo).resize({ width })).toBuffer();
      seconds += (performance.now() - started) / 1000;
      bytes[index] += encoded.length;
      const decoded = await luma(encoded);
      score[index] += ssim(reference.data, decoded.data, reference.width, reference.height);
    }
  }
  const cells = PHOTO_WIDTHS.map((_, index) => `${(bytes[index] / photos.length / 1024).toFixed(0)} KB, SSIM ${(score[index] / photos.length).toFixed(4)}`);
  console.log(`| ${name} | ${(seconds / photos.length).toFixed(2)} | ${cells.join(' | ')} |`);
}

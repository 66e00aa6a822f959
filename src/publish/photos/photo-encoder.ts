import { renameSync } from 'node:fs';
import sharp from 'sharp';
import { partialOf } from '../disk.ts';
import { ENCODINGS, type Photo, type Variant } from '../../lib/photos/photo-ladder.ts';

/**
 * Makes one variant of a photo into `target`: turned upright as its EXIF data says, scaled to
 * the variant's width and encoded as the ladder says. Written aside and renamed, so a stopped
 * build never leaves half a file under the final name.
 */
export async function encodeVariant(photo: Pick<Photo, 'fsPath'>, { width, format }: Variant, target: string) {
  const scaled = sharp(photo.fsPath).autoOrient().resize({ width });
  const encoded =
    format === 'avif' ? scaled.avif(ENCODINGS.avif) : format === 'png' ? scaled.png(ENCODINGS.png) : scaled.flatten({ background: '#ffffff' }).jpeg(ENCODINGS.jpg);
  const partial = partialOf(target);
  await encoded.toFile(partial);
  renameSync(partial, target);
}

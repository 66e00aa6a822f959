import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { KeptMap } from '../kept-map.ts';
import { type Photo, photoName, SOURCE_FORMATS, type SourceFormat } from '../../lib/photos/photo-ladder.ts';

interface Facts {
  size: number;
  mtimeMs: number;
  photo: Photo;
}

const FORMAT_OF: Record<string, SourceFormat> = { jpeg: 'jpg', png: 'png', webp: 'webp', heif: 'avif', tiff: 'tiff' };

/** Reads a photo file: the digest of its bytes, its size as shown (EXIF rotation applied) and its format. */
async function readPhoto(path: string): Promise<Photo> {
  const bytes = await readFile(path);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    throw new Error(`"${basename(path)}" is not an image file`);
  }
  const format = FORMAT_OF[String(metadata.format)];
  if (!format || (metadata.format === 'heif' && metadata.compression !== 'av1')) {
    throw new Error(`"${basename(path)}" is a ${metadata.format} file; photos must be one of ${SOURCE_FORMATS.join(', ')}`);
  }
  const hash = createHash('sha256').update(bytes);
  // Stryker disable next-line StringLiteral: equivalent, because photoName digests this digest again, in whatever encoding it comes
  const digest = hash.digest('base64url');
  const { width, height } = metadata.autoOrient ?? metadata;
  return { src: photoName(basename(path), digest), width, height, format, fsPath: path };
}

/**
 * What the build knows about each photo file, kept between builds in one JSON file. A photo is
 * read and hashed again only when its size or modification time changed, so a build of a large
 * archive looks at each of its photos with one `stat`.
 */
export class PhotoCatalog {
  readonly #known: KeptMap<Facts>;
  #used = new Set<string>();

  constructor(file: string) {
    this.#known = new KeptMap(file);
  }

  /** The photo at `path` (absolute); throws an Error saying what is wrong with the file. */
  async describe(path: string): Promise<Photo> {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new Error(`no image file at "${path}"`);
    this.#used.add(path);
    const known = this.#known.get(path);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known.photo;
    const photo = await readPhoto(path);
    this.#known.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, photo });
    return photo;
  }

  /** Writes the catalog, keeping only the photos described since the last save. */
  save() {
    this.#known.keepOnly((path) => this.#used.has(path));
    this.#known.save();
    this.#used.clear();
  }
}

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentPhotoNames, withPhotos } from '../../src/loaders/content-photos.ts';
import { PhotoCatalog } from '../../src/publish/photos/photo-catalog.ts';
import type { Photo } from '../../src/lib/photos/photo-ladder.ts';

const folder = mkdtempSync(join(tmpdir(), 'content-photos-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'images'));
copyFileSync('tests/fixtures/images/foto.jpg', join(folder, 'images/foto.jpg'));
writeFileSync(join(folder, 'images/notiz.jpg'), 'kein Bild');
const FILE = join(folder, 'articles/beispiel.md');
const catalog = new PhotoCatalog(join(folder, 'catalog.json'));
/** The front matter's lines: the second image's `src` stands on line 19. */
const lineOf = (path: readonly PropertyKey[]) => (path.join('.') === 'images.1.src' ? 19 : undefined);
const FOTO = { id: 'foto', src: '../images/foto.jpg', alt: 'Platzhalterbild' };

describe('the photos of an article', () => {
  it('are described, each src relative to the article file', async () => {
    expect(await withPhotos(FILE, [FOTO], lineOf, catalog)).toEqual([
      { id: 'foto', alt: 'Platzhalterbild', src: expect.objectContaining({ format: 'jpg', fsPath: join(folder, 'images/foto.jpg') }) },
    ]);
  });

  it('name the line and field of an image file that is missing or no photo', async () => {
    await expect(withPhotos(FILE, [FOTO, { ...FOTO, src: '../images/fehlt.jpg' }], lineOf, catalog)).rejects.toThrow(
      `${FILE}:19: images[1].src: no image file at "../images/fehlt.jpg" (paths are relative to ${FILE})`,
    );
    await expect(withPhotos(FILE, [FOTO, { ...FOTO, src: '../images' }], lineOf, catalog)).rejects.toThrow(
      `${FILE}:19: images[1].src: no image file at "../images" (paths are relative to ${FILE})`,
    );
    await expect(withPhotos(FILE, [FOTO, { ...FOTO, src: '../images/notiz.jpg' }], lineOf, catalog)).rejects.toThrow(
      `${FILE}:19: images[1].src: "notiz.jpg" is not an image file`,
    );
  });

  it('are named as they are now, and a file gone as missing', async () => {
    // withPhotos types src as the written path and the photo at once; it is the photo.
    const photo: Photo = (await withPhotos(FILE, [FOTO], lineOf, catalog))[0].src;
    expect(await currentPhotoNames([photo, { ...photo, fsPath: join(folder, 'images/weg.jpg') }], catalog)).toEqual([photo.src, 'missing']);
  });
});

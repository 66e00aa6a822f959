import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhotoCatalog } from '../../src/publish/photos/photo-catalog.ts';

const FIXTURE = resolve('tests/fixtures/images/foto.jpg');
let folder: string;
const file = (name: string) => join(folder, name);

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'photo-catalog-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('PhotoCatalog', () => {
  it('describes a photo by its name, digest, size, format and path', async () => {
    copyFileSync(FIXTURE, file('Foto Eins.jpg'));
    const photo = await new PhotoCatalog(file('catalog.json')).describe(file('Foto Eins.jpg'));
    expect(photo).toEqual({ src: expect.stringMatching(/^foto-eins\.[\w-]{10}$/), width: 1600, height: 900, format: 'jpg', fsPath: file('Foto Eins.jpg') });
  });

  it('gives the same name to the same bytes, and a new one to a replaced photo', async () => {
    copyFileSync(FIXTURE, file('a.jpg'));
    const catalog = new PhotoCatalog(file('catalog.json'));
    const first = await catalog.describe(file('a.jpg'));
    await sharp(FIXTURE).flip().toFile(file('b.jpg'));
    copyFileSync(file('b.jpg'), file('a.jpg'));
    expect((await catalog.describe(file('a.jpg'))).src).not.toBe(first.src);
  });

  it('remembers photos between builds and reads a file again only when its size or time changed', async () => {
    const mtime = new Date('2025-01-21T15:44:00Z');
    copyFileSync(FIXTURE, file('a.jpg'));
    utimesSync(file('a.jpg'), mtime, mtime);
    const first = new PhotoCatalog(file('catalog.json'));
    const photo = await first.describe(file('a.jpg'));
    first.save();
    // Other bytes of the same size under the same time: a second catalog trusts what it remembered …
    const bytes = readFileSync(file('a.jpg'));
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(file('a.jpg'), bytes);
    utimesSync(file('a.jpg'), mtime, mtime);
    expect(await new PhotoCatalog(file('catalog.json')).describe(file('a.jpg'))).toEqual(photo);
    // … and reads the file again once its time moved.
    utimesSync(file('a.jpg'), mtime, new Date(mtime.getTime() + 5000));
    expect((await new PhotoCatalog(file('catalog.json')).describe(file('a.jpg'))).src).not.toBe(photo.src);
  });

  it('reads a file again when its size changed, even under the same time', async () => {
    const mtime = new Date('2025-01-21T15:44:00Z');
    copyFileSync(FIXTURE, file('a.jpg'));
    utimesSync(file('a.jpg'), mtime, mtime);
    const catalog = new PhotoCatalog(file('catalog.json'));
    const photo = await catalog.describe(file('a.jpg'));
    await sharp(FIXTURE).resize({ width: 800 }).toFile(file('b.jpg'));
    copyFileSync(file('b.jpg'), file('a.jpg'));
    utimesSync(file('a.jpg'), mtime, mtime);
    expect(await catalog.describe(file('a.jpg'))).toMatchObject({ width: 800, src: expect.not.stringMatching(photo.src) });
  });

  it('writes its file only when it learned or forgot something', async () => {
    copyFileSync(FIXTURE, file('a.jpg'));
    const catalog = new PhotoCatalog(file('catalog.json'));
    catalog.save();
    expect(existsSync(file('catalog.json'))).toBe(false);
    await catalog.describe(file('a.jpg'));
    catalog.save();
    expect(existsSync(file('catalog.json'))).toBe(true);
    rmSync(file('catalog.json'));
    await catalog.describe(file('a.jpg'));
    catalog.save();
    expect(existsSync(file('catalog.json'))).toBe(false);
  });

  it.each([
    ['png', 'png'],
    ['webp', 'webp'],
    ['avif', 'avif'],
    ['tiff', 'tiff'],
  ] as const)('takes a %s photo', async (extension, format) => {
    await sharp(FIXTURE).resize({ width: 40 }).toFormat(extension).toFile(file(`klein.${extension}`));
    expect(await new PhotoCatalog(file('catalog.json')).describe(file(`klein.${extension}`))).toMatchObject({ format, width: 40 });
  });

  it('forgets photos no longer described when it saves', async () => {
    copyFileSync(FIXTURE, file('a.jpg'));
    copyFileSync(FIXTURE, file('b.jpg'));
    const catalog = new PhotoCatalog(file('catalog.json'));
    await catalog.describe(file('a.jpg'));
    await catalog.describe(file('b.jpg'));
    catalog.save();
    await catalog.describe(file('b.jpg'));
    catalog.save();
    expect(Object.keys(JSON.parse(readFileSync(file('catalog.json'), 'utf8')))).toEqual([file('b.jpg')]);
  });

  it('turns a photo upright as its EXIF orientation says', async () => {
    await sharp(FIXTURE).withMetadata({ orientation: 6 }).toFile(file('hochkant.jpg'));
    expect(await new PhotoCatalog(file('catalog.json')).describe(file('hochkant.jpg'))).toMatchObject({ width: 900, height: 1600 });
  });

  it('says what is wrong with a file that is no photo', async () => {
    writeFileSync(file('text.jpg'), 'kein Bild');
    await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).gif().toFile(file('bild.gif'));
    const catalog = new PhotoCatalog(file('catalog.json'));
    await expect(catalog.describe(file('text.jpg'))).rejects.toThrow('"text.jpg" is not an image file');
    await expect(catalog.describe(file('bild.gif'))).rejects.toThrow('"bild.gif" is a gif file; photos must be one of jpg, png, webp, avif, tiff');
    await expect(catalog.describe(file('fehlt.jpg'))).rejects.toThrow(`no image file at "${file('fehlt.jpg')}"`);
  });
});

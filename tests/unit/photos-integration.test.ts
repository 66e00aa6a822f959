import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PHOTO_FOLDER, type Photo, photoVariants, variantFile } from '../../src/lib/photos/photo-ladder.ts';
import { photosInUse } from '../../src/publish/handover.ts';
import { PhotoCatalog } from '../../src/publish/photos/photo-catalog.ts';
import { photos } from '../../src/publish/photos/photos.ts';
import { cacheFiles } from '../../src/publish/state.ts';
import { hooksOf } from '../support/integration-hooks.ts';

const folder = mkdtempSync(join(tmpdir(), 'photos-integration-'));
const cacheDir = join(folder, 'cache');
const site = join(folder, 'dist');
const store = cacheFiles(cacheDir).photos;
const output = join(site, PHOTO_FOLDER);
/** What the articles of the next build show. */
let shown: Photo[] = [];
let first: Photo;
let second: Photo;

/** A small photo of one colour, as an editor would add it. */
async function newPhoto(name: string, red: number): Promise<Photo> {
  const file = join(folder, name);
  await sharp({ create: { width: 48, height: 27, channels: 3, background: { r: red, g: 40, b: 40 } } }).png().toFile(file);
  return new PhotoCatalog(join(folder, 'catalog.json')).describe(file);
}

const filesOf = (photo: Photo) => photoVariants(photo).map((variant) => variantFile(photo, variant));

/** One build through the integration's hooks; resolves with what it logged. */
async function build() {
  const call = hooksOf(photos());
  const info = vi.fn();
  await call('astro:config:done', { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
  await call('astro:build:start');
  await call('astro:build:done', { dir: pathToFileURL(`${site}/`), logger: { info } });
  return info.mock.calls.map(([message]) => message);
}

beforeAll(async () => {
  first = await newPhoto('erstes.png', 200);
  second = await newPhoto('zweites.png', 20);
  photosInUse.offer('photos-integration-test', () => shown);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the photos integration', () => {
  it('makes every variant of the photos shown, once however often they are shown, and puts them in the site', async () => {
    shown = [first, first, second];
    expect(await build()).toEqual(['4 photo file(s) in use, 2 photo(s) made anew']);
    const files = [...filesOf(first), ...filesOf(second)];
    expect(readdirSync(output).sort()).toEqual([...files].sort());
    for (const file of files) {
      expect(statSync(join(output, file)).ino, file).toBe(statSync(join(store, file)).ino);
      expect((await sharp(join(output, file)).metadata()).width).toBe(48);
    }
  });

  it('makes nothing again in the next build, and drops the variants of a photo no longer shown, from the site and the store', async () => {
    shown = [second];
    expect(await build()).toEqual(['2 photo file(s) in use, 0 photo(s) made anew']);
    expect(readdirSync(output).sort()).toEqual(filesOf(second).sort());
    expect(readdirSync(store).sort()).toEqual(filesOf(second).sort());
  });

  it('makes a variant again that has gone from the store', async () => {
    rmSync(join(store, filesOf(second)[0]));
    expect(await build()).toEqual(['2 photo file(s) in use, 1 photo(s) made anew']);
    expect(existsSync(join(output, filesOf(second)[0]))).toBe(true);
  });

  it('fails the build at its end when a photo cannot be made, and not before', async () => {
    const broken = join(folder, 'kaputt.png');
    writeFileSync(broken, 'kein Bild');
    shown = [{ ...second, src: 'kaputt.abc', fsPath: broken }];
    const call = hooksOf(photos());
    await call('astro:config:done', { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
    await call('astro:build:start');
    await expect(call('astro:build:done', { dir: pathToFileURL(`${site}/`), logger: { info: vi.fn() } })).rejects.toThrow();
  });

  it('serves the store the builds fill to astro dev', async () => {
    shown = [second];
    await build();
    const use = vi.fn();
    const call = hooksOf(photos());
    await call('astro:config:done', { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
    await call('astro:server:setup', { server: { middlewares: { use } } });
    const [[route]] = use.mock.calls;
    const server = createServer((request, response) => route(request, response, () => response.writeHead(404).end())).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const file = filesOf(second)[0];
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${PHOTO_FOLDER}/${file}`);
    server.close();
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(readFileSync(join(store, file)));
  });
});

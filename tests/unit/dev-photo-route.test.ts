import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_FOLDER, type Photo, variantFile } from '../../src/lib/photos/photo-ladder.ts';
import { photosInUse } from '../../src/publish/handover.ts';
import { PhotoCatalog } from '../../src/publish/photos/photo-catalog.ts';
import { servePhotos } from '../../src/publish/photos/dev-photo-route.ts';

const folder = mkdtempSync(join(tmpdir(), 'dev-photo-route-'));
const store = join(folder, 'fotos');
let server: Server;
let photo: Photo;
/** The photos the content shows. */
const inUse: Photo[] = [];
const get = async (file: string) => {
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${PHOTO_FOLDER}/${file}`);
  return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), bytes: (await response.arrayBuffer()).byteLength };
};

beforeAll(async () => {
  photo = await new PhotoCatalog(join(folder, 'catalog.json')).describe(resolve('tests/fixtures/images/foto.jpg'));
  inUse.push(photo);
  photosInUse.offer('dev-photo-route-test', () => inUse);
  const route = servePhotos(store);
  server = createServer((request, response) =>
    route(request, response, (error?: unknown) => {
      response.statusCode = error ? 500 : 404;
      response.end();
    }),
  ).listen(0, '127.0.0.1');
  await once(server, 'listening');
});
afterAll(() => {
  server.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the photo route of astro dev', () => {
  it('makes a variant when a page first asks for it, and serves it', async () => {
    const file = variantFile(photo, { width: 400, format: 'avif' });
    // The editor's next save may change the photo: the browser asks again every time.
    expect(await get(file)).toEqual({ status: 200, type: 'image/avif', cache: 'no-cache', bytes: expect.any(Number) });
    const made = statSync(join(store, file));
    expect((await get(file)).bytes).toBe(made.size);
    expect(statSync(join(store, file)).mtimeMs).toBe(made.mtimeMs);
  });

  it('makes a variant once however many requests ask for it at the same time, each served whole', async () => {
    const file = variantFile(photo, { width: 1200, format: 'jpg' });
    const answers = await Promise.all(Array.from({ length: 4 }, () => get(file)));
    expect(new Set(answers.map((answer) => JSON.stringify(answer)))).toEqual(new Set([JSON.stringify({ status: 200, type: 'image/jpeg', cache: 'no-cache', bytes: statSync(join(store, file)).size })]));
  });

  it('serves the PNG variants of a PNG photo as PNG', async () => {
    const source = join(folder, 'grafik.png');
    await sharp({ create: { width: 48, height: 27, channels: 4, background: '#08f' } }).png().toFile(source);
    const graphic = await new PhotoCatalog(join(folder, 'catalog.json')).describe(source);
    inUse.push(graphic);
    expect((await get(variantFile(graphic, { width: 48, format: 'png' }))).type).toBe('image/png');
  });

  it('answers with an error when a photo cannot be made, its file gone', async () => {
    const gone = { ...photo, src: 'geloescht.AbCdEfGhIj', fsPath: join(folder, 'geloescht.jpg') };
    inUse.push(gone);
    expect((await get(variantFile(gone, { width: 400, format: 'avif' }))).status).toBe(500);
  });

  it('answers a variant it cannot read with an error, and goes on serving', async () => {
    const broken = variantFile(photo, { width: 800, format: 'jpg' });
    mkdirSync(join(store, broken), { recursive: true });
    expect((await get(broken)).status).toBe(500);
    expect((await get(variantFile(photo, { width: 800, format: 'avif' }))).status).toBe(200);
  });

  it('leaves what is no variant of a photo in use to the next handler', async () => {
    expect((await get('nirgends.AbCdEfGhIj-400.avif')).status).toBe(404);
  });
});

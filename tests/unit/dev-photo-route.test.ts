import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_FOLDER, type Photo, variantFile } from '../../src/lib/photos/photo-ladder.ts';
import { photosInUse } from '../../src/publish/handover.ts';
import { PhotoCatalog } from '../../src/publish/photos/photo-catalog.ts';
import { servePhotos } from '../../src/publish/photos/dev-photo-route.ts';

const folder = mkdtempSync(join(tmpdir(), 'dev-photo-route-'));
const store = join(folder, 'fotos');
let server: Server;
let photo: Photo;
const get = async (file: string) => {
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${PHOTO_FOLDER}/${file}`);
  return { status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength };
};

beforeAll(async () => {
  photo = await new PhotoCatalog(join(folder, 'catalog.json')).describe(resolve('tests/fixtures/images/foto.jpg'));
  photosInUse.offer('dev-photo-route-test', () => [photo]);
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
    expect(await get(variantFile(photo, { width: 400, format: 'avif' }))).toEqual({ status: 200, type: 'image/avif', bytes: expect.any(Number) });
    expect((await get(variantFile(photo, { width: 400, format: 'avif' }))).bytes).toBeGreaterThan(1000);
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

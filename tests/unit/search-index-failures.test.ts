import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchableArticles } from '../../src/publish/handover.ts';
import { searchIndex } from '../../src/publish/search/search-index.ts';
import { hooksOf } from '../support/integration-hooks.ts';

/** Pagefind, failing as a test tells it to. */
const pagefind = vi.hoisted(() => ({ createIndex: vi.fn(), close: vi.fn(async () => {}) }));
vi.mock('pagefind', () => pagefind);

const folder = mkdtempSync(join(tmpdir(), 'search-index-failures-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
searchableArticles.offer('search-index-failures', () => [
  { id: 'a', digest: 'x', section: 'politik', kicker: 'K', title: 'T', lead: 'L', images: [], body: () => [] },
]);
beforeEach(() => pagefind.close.mockClear());

/** A build through the integration's hooks; rejects with what ended it. */
async function build() {
  const call = hooksOf(searchIndex({ articlesPerShard: 10 }));
  await call('astro:config:done', { config: { cacheDir: pathToFileURL(join(folder, 'cache/')) } });
  await call('astro:build:start');
  // Astro renders the pages meanwhile: the failure must wait for the end of the build, not end the process first.
  await new Promise(setImmediate);
  await call('astro:build:done', { dir: pathToFileURL(join(folder, 'dist/')), logger: { info: vi.fn() } });
}

describe('the search index integration, when Pagefind fails', () => {
  it('fails the build at its end with what Pagefind said when it could not start, and ends Pagefind', async () => {
    pagefind.createIndex.mockResolvedValue({ index: undefined, errors: ['kein Speicher', 'keine Datei'] });
    await expect(build()).rejects.toThrow('kein Speicher; keine Datei');
    expect(pagefind.close).toHaveBeenCalledTimes(1);
  });

  it('fails the build with every error of reading and writing the pages, and ends Pagefind', async () => {
    const index = {
      addHTMLFile: async () => ({ errors: ['Seite unlesbar'] }),
      writeFiles: async () => ({ errors: ['Platte voll'] }),
    };
    pagefind.createIndex.mockResolvedValue({ index, errors: [] });
    await expect(build()).rejects.toThrow(/^Seite unlesbar; Platte voll$/);
    expect(pagefind.close).toHaveBeenCalledTimes(1);
  });
});

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecord, pagesMade, settle } from '../../src/publish/site/build-record.ts';
import { factsOf, manifestStamp, readRecord, recordOf, type SiteRecord, writeRecord } from '../../src/publish/site/site-record.ts';
import { edition, fakeAstroBuild, siteFiles, type SiteFiles } from '../support/fake-build.ts';

let folder: string;
const site = () => join(folder, 'site');
const cache = () => join(folder, 'cache');
const write = (files: SiteFiles) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site(), path)), { recursive: true });
    writeFileSync(join(site(), path), text);
  }
};
const recordOfSite = (files: SiteFiles): SiteRecord => ({
  generation: 'vorher',
  manifest: manifestStamp(cache()),
  files: Object.fromEntries(Object.keys(files).map((path) => [path, factsOf(join(site(), path))])),
});

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'build-record-'));
  mkdirSync(cache());
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('settle', () => {
  it('keeps the pages and what the build wrote, removes the rest of the last build and empty folders, and names the files it keeps', () => {
    const before = { 'index.html': 'Start', 'alt/tief/index.html': 'Alt', '_astro/alt.js': 'alt', 'favicon.svg': '<svg/>' };
    write(before);
    const record = recordOfSite(before);
    write({ '_astro/neu.js': 'neu', 'favicon.svg': '<svg/>' });
    const files = settle(site(), record, new Set(['index.html']), []);
    expect(siteFiles(site())).toEqual({ 'index.html': 'Start', '_astro/neu.js': 'neu', 'favicon.svg': '<svg/>' });
    expect(readdirSync(site()).sort()).toEqual(['_astro', 'favicon.svg', 'index.html']);
    expect(files).toEqual({
      'index.html': record.files['index.html'],
      '_astro/neu.js': factsOf(join(site(), '_astro/neu.js')),
      'favicon.svg': factsOf(join(site(), 'favicon.svg')),
    });
  });

  it('takes the hash of a kept page from the record while its seal holds', () => {
    write({ 'index.html': 'Start' });
    const record = recordOfSite({ 'index.html': 'Start' });
    record.files['index.html'][1] = 'aus dem Bericht';
    expect(settle(site(), record, new Set(['index.html']), [])['index.html'][1]).toBe('aus dem Bericht');
  });

  it('keeps every file of a folder it has no record of, and leaves the stores’ folders alone', () => {
    write({ 'index.html': 'Start', 'pagefind/pagefind-entry.json': '{}', 'pagefind/teil-1/a.pf': 'a' });
    const files = settle(site(), undefined, new Set(), ['pagefind/']);
    expect(Object.keys(files)).toEqual(['index.html']);
    expect(siteFiles(site())).toEqual({ 'index.html': 'Start', 'pagefind/pagefind-entry.json': '{}', 'pagefind/teil-1/a.pf': 'a' });
  });
});

describe('pagesMade', () => {
  it('tells pages kept in place, copied from Astro’s cache of pages (with its time) and rendered apart', () => {
    write({ 'alt/index.html': 'Alt', 'verändert/index.html': 'vorher' });
    const before = recordOfSite({ 'alt/index.html': 'Alt', 'verändert/index.html': 'vorher' });
    const pagesCache = join(folder, 'pages');
    const cachePage = (page: string, text: string) => {
      mkdirSync(dirname(join(pagesCache, page)), { recursive: true });
      writeFileSync(join(pagesCache, page), text);
    };
    cachePage('kopie/index.html', 'Kopie');
    const started = Date.now() + 1000;
    // As Astro restores a page (copyCachedFile): a copy, given the cached file's time as a Date.
    mkdirSync(join(site(), 'kopie'));
    cpSync(join(pagesCache, 'kopie/index.html'), join(site(), 'kopie/index.html'));
    const { atime, mtime } = statSync(join(pagesCache, 'kopie/index.html'));
    utimesSync(join(site(), 'kopie/index.html'), atime, mtime);
    // A rendered page goes to the cache as well, in the same millisecond, during the build.
    write({ 'neu/index.html': 'Neu', 'verändert/index.html': 'nachher' });
    cachePage('neu/index.html', 'Neu');
    for (const file of [join(pagesCache, 'neu/index.html'), join(site(), 'neu/index.html')]) utimesSync(file, new Date(started + 5), new Date(started + 5));
    // In no order: the record lists them sorted.
    const pages = new Set(['verändert/index.html', 'kopie/index.html', 'alt/index.html', 'neu/index.html']);
    const files = settle(site(), before, pages, []);
    expect(pagesMade(site(), pages, files, before, pagesCache, started)).toEqual({
      rendered: ['neu/index.html', 'verändert/index.html'],
      copied: ['kopie/index.html'],
      kept: ['alt/index.html'],
    });
    // Without a record of the last build, nothing counts as kept.
    expect(pagesMade(site(), pages, files, undefined, pagesCache, started).kept).toEqual([]);
  });
});

describe('the build-record integration', () => {
  it('records every file of a build beside its folder, under a new generation and the stamp of Astro’s manifest', async () => {
    await fakeAstroBuild(site(), cache(), edition(1));
    const record = readRecord(site())!;
    expect(record.generation).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(record.manifest).toEqual(manifestStamp(cache()));
    expect(Object.keys(record.files).sort()).toEqual(Object.keys(edition(1)).sort());
    await fakeAstroBuild(site(), cache(), edition(2));
    expect(readRecord(site())!.generation).not.toBe(record.generation);
    expect(siteFiles(site())).toEqual(edition(2));
  });

  it('builds on the files of the last build, and empties a folder that holds another', async () => {
    expect(await fakeAstroBuild(site(), cache(), edition(1))).toContain('politik/index.html');
    expect(await fakeAstroBuild(site(), cache(), edition(2))).not.toContain('politik/index.html');
    writeRecord(site(), { ...readRecord(site())!, manifest: { size: 0, mtimeMs: 0 } });
    expect(await fakeAstroBuild(site(), cache(), edition(2))).toContain('politik/index.html');
  });

  it('takes the folder for a stranger while it builds: a build that dies leaves it without a record', async () => {
    await fakeAstroBuild(site(), cache(), edition(1));
    const hooks = buildRecord({ managed: [] }).hooks as Record<string, (options: unknown) => unknown>;
    hooks['astro:config:done']({ config: { cacheDir: pathToFileURL(`${cache()}/`), outDir: pathToFileURL(`${site()}/`) } });
    hooks['astro:build:start']({});
    expect(existsSync(recordOf(site()))).toBe(false);
    expect(siteFiles(site())).toEqual(edition(1));
  });

  it('refuses to build through the link to the live site', async () => {
    await fakeAstroBuild(site(), cache(), edition(1));
    symlinkSync('site', join(folder, 'dist'));
    const hooks = buildRecord({ managed: [] }).hooks as Record<string, (options: unknown) => unknown>;
    hooks['astro:config:done']({ config: { cacheDir: pathToFileURL(`${cache()}/`), outDir: pathToFileURL(`${join(folder, 'dist')}/`) } });
    expect(() => hooks['astro:build:start']({})).toThrow(
      `${join(folder, 'dist')} is the link to the live site of \`npm run build\`: build with \`npm run build\`, or into another folder`,
    );
    expect(siteFiles(site())).toEqual(edition(1));
  });
});

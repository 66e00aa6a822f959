import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageHashes } from '../../src/publish/site/page-hashes.ts';
import { collectInlineHashes } from '../../src/lib/csp.ts';

let site: string;
let cache: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const page = (script: string) => `<html><head><style>p{}</style></head><body><script>${script}</script></body></html>`;
const hashesOf = (html: string) => collectInlineHashes(html, { scripts: new Set(), styles: new Set() });
/** A page as a build leaves it: in the site, and as Astro's cached copy from `time`. */
function built(path: string, html: string, time = new Date('2025-01-21T15:44:00Z')) {
  write(join(site, path), html);
  write(join(cache, 'dist', path), html);
  utimesSync(join(cache, 'dist', path), time, time);
}

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'page-hashes-'));
  [site, cache] = [join(root, 'dist'), join(root, 'cache')];
});
afterEach(() => rmSync(dirname(site), { recursive: true, force: true }));

describe('pageHashes', () => {
  it('collects the hashes of every inline script and style of every page', () => {
    built('a/index.html', page('eins()'));
    write(join(site, '404.html'), page('zwei()'));
    const hashes = pageHashes(site, ['a/index.html', '404.html'], cache);
    expect(hashes.scripts).toEqual(new Set([...hashesOf(page('eins()')).scripts, ...hashesOf(page('zwei()')).scripts]));
    expect(hashes.styles).toEqual(hashesOf(page('')).styles);
  });

  it('does not read a page copied unchanged from the cache again, but one rendered anew', () => {
    built('a/index.html', page('eins()'));
    pageHashes(site, ['a/index.html'], cache);
    // Unchanged copy: the remembered hashes stand, whatever the file would say now.
    write(join(site, 'a/index.html'), page('xxxx()'));
    const remembered = pageHashes(site, ['a/index.html'], cache);
    expect(remembered.scripts).toEqual(hashesOf(page('eins()')).scripts);
    expect(remembered.styles).toEqual(hashesOf(page('eins()')).styles);
    // Rendered anew: Astro wrote a new copy, and the page is read.
    built('a/index.html', page('drei()'), new Date('2025-01-22T00:00:00Z'));
    expect(pageHashes(site, ['a/index.html'], cache).scripts).toEqual(hashesOf(page('drei()')).scripts);
  });

  it('reads a page whose remembered copy no longer matches it in size', () => {
    built('a/index.html', page('eins()'));
    pageHashes(site, ['a/index.html'], cache);
    write(join(site, 'a/index.html'), page('viel länger()'));
    expect(pageHashes(site, ['a/index.html'], cache).scripts).toEqual(hashesOf(page('viel länger()')).scripts);
  });

  it('reads a page whose cached copy Astro wrote again at the same time, in another size', () => {
    built('a/index.html', page('eins()'));
    pageHashes(site, ['a/index.html'], cache);
    built('a/index.html', page('viel länger()'));
    expect(pageHashes(site, ['a/index.html'], cache).scripts).toEqual(hashesOf(page('viel länger()')).scripts);
  });
});

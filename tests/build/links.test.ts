import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { BUILT_SITE, SITE_URL, SUB_PATH, SUB_PATH_SITE } from '../support/build-site.ts';

/** Every URL a page points at: links, images, sources, scripts, styles and share images. */
function referencesIn(html: string): string[] {
  const $ = load(html);
  const urls = [
    ...$('a[href], link[href]').toArray().map((element) => $(element).attr('href')!),
    ...$('img[src], script[src]').toArray().map((element) => $(element).attr('src')!),
    ...$('meta[property="og:image"], meta[property="og:url"], meta[property="article:author"]').toArray().map((element) => $(element).attr('content')!),
  ];
  const srcsets = $('img[srcset], source[srcset]').toArray().map((element) => $(element).attr('srcset')!);
  for (const srcset of srcsets) urls.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]));
  return urls;
}

/** The file in `dist` a site URL resolves to, or a reason why it cannot. */
function target(dist: string, base: string, reference: string, from: string): string {
  const url = new URL(reference, new URL(from, SITE_URL));
  if (url.origin !== SITE_URL) return 'external';
  if (!url.pathname.startsWith(base)) return `outside the base ${base}`;
  const path = decodeURIComponent(url.pathname.slice(base.length));
  return join(dist, path.endsWith('/') || path === '' ? `${path}index.html` : path);
}

describe.each([
  ['at the domain root', BUILT_SITE, '/'],
  ['under a sub-path', SUB_PATH_SITE, SUB_PATH],
])('internal references %s', (_where, dist, base) => {
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

  it('every page and every file a page points to exists', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const from = `${base}${page.replace(/index\.html$/, '')}`;
      for (const reference of referencesIn(readFileSync(join(dist, page), 'utf8'))) {
        if (/^(mailto|tel):/.test(reference) || reference.startsWith('#')) continue;
        const file = target(dist, base, reference, from);
        if (file === 'external') continue;
        checked++;
        if (!existsSync(file)) broken.push(`${page}: ${reference} (${file})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
  });

  it('links nowhere outside the site: the seed gives no addresses to link to', () => {
    const external = pages.flatMap((page) => {
      const $ = load(readFileSync(join(dist, page), 'utf8'));
      return $('a[href]').toArray().map((link) => $(link).attr('href')!).filter((href) => /^[a-z]+:/i.test(href) && !href.startsWith(SITE_URL));
    });
    expect(external).toEqual([]);
  });
});

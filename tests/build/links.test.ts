import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { BUILT_SITE, SITE_URL, SUB_PATH, SUB_PATH_SITE } from '../support/build-site.ts';
import { brokenReferences, htmlPages } from '../support/links.ts';

describe.each([
  ['at the domain root', BUILT_SITE, '/'],
  ['under a sub-path', SUB_PATH_SITE, SUB_PATH],
])('internal references %s', (_where, dist, base) => {
  it('every page and every file a page points to exists', () => {
    const { broken, checked } = brokenReferences(dist, SITE_URL, base);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(htmlPages(dist).length * 10);
  });

  it('links nowhere outside the site: the seed gives no addresses to link to', () => {
    const site = new URL(base, SITE_URL);
    const pages = htmlPages(dist);
    const links = pages.flatMap((page) => {
      const $ = load(readFileSync(join(dist, page), 'utf8'));
      // Resolved as the browser does, so that `//host/…` and `mailto:` leave the site as plainly as `https://host/…`.
      return $('a[href]').toArray().map((link) => ({ page, url: new URL($(link).attr('href')!, new URL(page.replace(/index\.html$/, ''), site)) }));
    });
    expect(links.length).toBeGreaterThan(pages.length * 5);
    expect(links.filter(({ url }) => url.origin !== site.origin).map(({ page, url }) => `${page}: ${url}`)).toEqual([]);
  });
});

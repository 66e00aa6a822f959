import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildIn, pagesBuilt } from '../support/astro-cli.ts';
import { BUILT_SITE, SITE_URL, SOURCE_DATE_EPOCH } from '../support/build-site.ts';
import { htmlPages } from '../support/links.ts';
import { copySite } from '../support/site-copy.ts';
import { fingerprint } from '../support/site-files.ts';

describe('reproducible output', () => {
  // A copy of the project has caches of its own, none: every page is rendered and the search
  // index made anew, so the comparison cannot be between a page and its own cached copy.
  const copy = copySite();
  const again = join(copy.root, 'dist');
  let pages: ReturnType<typeof pagesBuilt>;

  beforeAll(async () => {
    // The first build ran under America/New_York; this one runs half a world away, in German.
    await astroBuildIn(copy.root, { SITE_URL, SOURCE_DATE_EPOCH, TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    pages = pagesBuilt(join(copy.root, 'dist'));
  }, 180_000);

  afterAll(() => copy.remove());

  it('the second build rendered every page itself, copying none from a cache', () => {
    expect(pages.restored).toEqual([]);
    expect(htmlPages(again).length).toBeGreaterThan(10);
    expect(pages.rendered).toEqual(expect.arrayContaining(htmlPages(again)));
  });

  it('two builds of the same commit are byte for byte the same, whatever the time zone and locale', () => {
    const first = fingerprint(BUILT_SITE);
    expect(Object.keys(first).length).toBeGreaterThan(50);
    expect(fingerprint(again)).toEqual(first);
  });
});

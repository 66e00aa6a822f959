import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PATH, fileFor } from '../support/dist.ts';
import { pageJavaScript } from '../support/page-scripts.ts';

/** TCP's first round trip: ten segments of 1,460 bytes. */
const FIRST_ROUND_TRIP = 14_600;

const brotli = (bytes: Buffer | string) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

describe('the article page fits in the first round trip', () => {
  const html = readFileSync(fileFor(ARTICLE_PATH));
  const $ = load(html.toString('utf8'));
  const external = [...$('link[rel="stylesheet"]').toArray().map((link) => $(link).attr('href')!), ...pageJavaScript($, ARTICLE_PATH).files];

  it(`HTML with all its CSS and JavaScript, imported modules included, stays under ${FIRST_ROUND_TRIP} bytes brotli-compressed`, () => {
    const total = brotli(html) + external.reduce((sum, url) => sum + brotli(readFileSync(fileFor(url))), 0);
    expect(total).toBeGreaterThan(3000);
    expect(total).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
  });

  it('needs no web font and loads only the first photo eagerly', () => {
    expect($('link[rel="preload"][as="font"], link[href*="fonts"]')).toHaveLength(0);
    expect(html.toString()).not.toMatch(/@font-face/);
    // Ad images follow their slot's place on the page (tests/build/house-ads.test.ts).
    const images = $('img').not('[data-ad-slot] img').toArray().map((img) => [$(img).attr('loading'), $(img).attr('fetchpriority')]);
    expect(images[0]).toEqual(['eager', 'high']);
    expect(images.slice(1).every(([loading]) => loading === 'lazy')).toBe(true);
  });
});

import { resolve } from 'node:path';
import { astroBuildIn, astroBuildSync } from './astro-cli.ts';
import { copySite } from './site-copy.ts';
import { writeTestArticle } from './test-articles.ts';

/** The site as a domain root serves it, built once per test run. */
export const BUILT_SITE = resolve('test-results/dist');
/** The same site built for a sub-path, as a CDN folder or a project page would host it. */
export const SUB_PATH_SITE = resolve('test-results/dist-sub');
export const SUB_PATH = '/zeitung/';
/**
 * The site with twenty more articles than content/ has, so that its listings have archive
 * pages: every page type a reader can meet, for the checks that go through them all.
 */
export const NEWSROOM_SITE = resolve('test-results/dist-newsroom');
export const NEWSROOM_ARTICLES = 20;
export const SITE_URL = 'https://zeitungsleser.example';
/**
 * The build's "now" (src/lib/build-time.ts), 25.11.2025 00:00 UTC, after every article in
 * content/: one fixed moment, so that two builds of the site can be compared byte for byte.
 */
export const SOURCE_DATE_EPOCH = '1764028800';

function buildNewsroom() {
  const copy = copySite();
  for (let index = 1; index <= NEWSROOM_ARTICLES; index++) writeTestArticle(copy.root, index);
  return astroBuildIn(copy.root, { SITE_URL, SOURCE_DATE_EPOCH }, ['--outDir', NEWSROOM_SITE]).finally(copy.remove);
}

export default async function buildSite() {
  // Built beside the two below, in a process of its own.
  const newsroom = buildNewsroom();
  // A machine far from Berlin proves that dates never depend on the build machine's zone.
  // `--force`: every page rendered now, none copied from a build under another zone or locale.
  astroBuildSync(BUILT_SITE, { TZ: 'America/New_York', SITE_URL, SOURCE_DATE_EPOCH }, ['--force']);
  astroBuildSync(SUB_PATH_SITE, { SITE_URL, BASE_PATH: SUB_PATH, SOURCE_DATE_EPOCH });
  await newsroom;
}

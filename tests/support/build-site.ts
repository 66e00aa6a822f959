import { resolve } from 'node:path';
import { astroBuildSync } from './astro-cli.ts';

/** The site as a domain root serves it, built once per test run. */
export const BUILT_SITE = resolve('test-results/dist');
/** The same site built for a sub-path, as a CDN folder or a project page would host it. */
export const SUB_PATH_SITE = resolve('test-results/dist-sub');
export const SUB_PATH = '/zeitung/';
export const SITE_URL = 'https://zeitungsleser.example';
/** The build's "now" (house ads' start and end dates): the article's update time, 21.01.2025 15:44 in Berlin. */
export const SOURCE_DATE_EPOCH = '1737470640';

export default function buildSite() {
  // A machine far from Berlin proves that dates never depend on the build machine's zone.
  astroBuildSync(BUILT_SITE, { TZ: 'America/New_York', SITE_URL, SOURCE_DATE_EPOCH });
  astroBuildSync(SUB_PATH_SITE, { SITE_URL, BASE_PATH: SUB_PATH, SOURCE_DATE_EPOCH });
}

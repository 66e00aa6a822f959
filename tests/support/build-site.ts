import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Where the build tests find the site, built once per test run. */
export const BUILT_SITE = resolve('test-results/dist');

export default function buildSite() {
  // A machine far from Berlin proves that dates never depend on the build machine's zone.
  execFileSync('astro', ['build', '--outDir', BUILT_SITE], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'America/New_York' },
  });
}

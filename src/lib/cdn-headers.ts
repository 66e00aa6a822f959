/** One year: hashed file names change whenever their content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes at the edge and in the browser, so a corrected article reaches readers fast. */
const SHORT = 'public, max-age=300, must-revalidate';

/**
 * The `_headers` file static hosts such as Netlify and Cloudflare Pages read: long caching for
 * Astro's hashed assets, short caching for everything else, HTML included.
 */
export function cdnHeadersFile(base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    `  Cache-Control: ${SHORT}`,
    '  X-Content-Type-Options: nosniff',
    `${root}_astro/*`,
    `  ! Cache-Control`,
    `  Cache-Control: ${IMMUTABLE}`,
    '',
  ].join('\n');
}

import { WORKER_FILE } from './offline/shelves.ts';

/** One year: hashed file names change whenever their content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes at the edge and in the browser, so a corrected article reaches readers fast. */
const SHORT = 'public, max-age=300, must-revalidate';
/**
 * The service worker is asked again on every check, by browsers and caches on the way alike:
 * the next build's worker then reaches readers with that build's pages.
 */
const ALWAYS_ASKED = 'no-cache';

/** Headers every response gets: caching, and the protections a news page wants. */
export function siteHeaders(csp: string): Record<string, string> {
  return {
    'Cache-Control': SHORT,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'X-Frame-Options': 'DENY',
  };
}

/**
 * The `_headers` file static hosts such as Cloudflare Pages and Netlify read: the site headers
 * for every path, for Astro's hashed assets a long cache replacing the short one, and for the
 * service worker none.
 */
export function cdnHeadersFile(base: string, csp: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    ...Object.entries(siteHeaders(csp)).map(([name, value]) => `  ${name}: ${value}`),
    `${root}_astro/*`,
    `  ! Cache-Control`,
    `  Cache-Control: ${IMMUTABLE}`,
    `${root}${WORKER_FILE}`,
    `  ! Cache-Control`,
    `  Cache-Control: ${ALWAYS_ASKED}`,
    '',
  ].join('\n');
}

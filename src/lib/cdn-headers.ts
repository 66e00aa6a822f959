import { WORKER_FILE } from './offline/shelves.ts';
import { SPECULATION_RULES_FILE, SPECULATION_RULES_TYPE } from './speculation-rules.ts';

/** One year: hashed file names change whenever their content does. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes at the edge and in the browser, so a corrected article reaches readers fast. */
const SHORT = 'public, max-age=300, must-revalidate';
/**
 * HTTPS only, for two years, on every subdomain too. Not `preload`: a place on the browsers'
 * preload list is hard to leave again, so the publisher opts in (README „Deploying“).
 */
const HTTPS_ONLY = 'max-age=63072000; includeSubDomains';
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
    'Strict-Transport-Security': HTTPS_ONLY,
    // No other site's window can script ours, and no other site can embed our files.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'X-Frame-Options': 'DENY',
  };
}

/**
 * The `_headers` file static hosts such as Cloudflare Pages and Netlify read: the site headers
 * for every path, with the speculation rules that fetch the next page as a reader points at its
 * link (their file with the type browsers require), for Astro's hashed assets a long cache
 * replacing the short one, and for the service worker none.
 */
export function cdnHeadersFile(base: string, csp: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    ...Object.entries(siteHeaders(csp)).map(([name, value]) => `  ${name}: ${value}`),
    `  Speculation-Rules: "${root}${SPECULATION_RULES_FILE}"`,
    `${root}${SPECULATION_RULES_FILE}`,
    `  Content-Type: ${SPECULATION_RULES_TYPE}`,
    `${root}_astro/*`,
    `  ! Cache-Control`,
    `  Cache-Control: ${IMMUTABLE}`,
    `${root}${WORKER_FILE}`,
    `  ! Cache-Control`,
    `  Cache-Control: ${ALWAYS_ASKED}`,
    '',
  ].join('\n');
}

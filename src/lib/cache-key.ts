import { createHash } from 'node:crypto';

// Maps and sets would stringify as `{}` and make different data share a key.
const listed = (_key: string, value: unknown) => (value instanceof Map || value instanceof Set ? [...value] : value);

/**
 * A page's `cacheKey` for Astro's incremental builds: a digest of all the data the page renders
 * from (Astro hashes the page's code itself). A page whose key and code match the last build's is
 * copied instead of rendered, so every piece of data a reader could see must go into its key.
 */
export function cacheKey(...parts: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts, listed)).digest('base64url');
}

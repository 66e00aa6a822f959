import { existsSync, readFileSync } from 'node:fs';

const LOCK = 'node_modules/.package-lock.json';

/**
 * npm's record of the packages installed in the project, for the digests of what the build
 * keeps between runs: output made by one version of a package is never reused by another.
 */
export function installedPackages(): string {
  return existsSync(LOCK) ? readFileSync(LOCK, 'utf8') : '';
}

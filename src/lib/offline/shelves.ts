/** The worker's file name, at the root of the site: its scope is the site's base path. */
export const WORKER_FILE = 'service-worker.js';

/** How many of the articles a reader opened stay readable offline without being kept. */
export const READ_LIMIT = 30;

/** The caches of one site. */
export interface Shelves {
  /** The last articles the reader opened, oldest first. */
  read: string;
  /** The articles the reader kept with „Merken“, until they remove them. */
  kept: string;
  /** The hashed files (photos at the width shown, scripts) the stored articles use. */
  files: string;
  /** The offline and Gemerkt pages of one build. */
  pages: string;
}

const PREFIX = 'zeitungsleser';

/** Everything before the shelf's own name; the space ends the path, which cannot hold one. */
const prefixOf = (base: string) => `${PREFIX} ${base.endsWith('/') ? base : `${base}/`} `;

/**
 * The cache names of the site at `base` (its path), with the pages of worker `version`. Each name
 * carries the base, so two sites on one origin never touch each other's caches; only the pages
 * carry the version, because an article stored under one build needs nothing of the next.
 */
export function shelves(base: string, version = ''): Shelves {
  const prefix = prefixOf(base);
  return { read: `${prefix}gelesen`, kept: `${prefix}gemerkt`, files: `${prefix}dateien`, pages: `${prefix}seiten ${version}` };
}

/** The caches among `names` that belong to this site but not to `current`: another build's pages. */
export function outdatedShelves(names: readonly string[], base: string, current: Shelves): string[] {
  const ours = new Set(Object.values(current));
  return names.filter((name) => name.startsWith(prefixOf(base)) && !ours.has(name));
}

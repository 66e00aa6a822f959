import { createHash } from 'node:crypto';

/** What the worker is built with: its version, and the files it keeps for that version. */
export interface WorkerConfig {
  version: string;
  /** Paths relative to the base: the offline and Gemerkt pages and the hashed files they load. */
  shell: string[];
}

/** The pages every version of the worker keeps, relative to the base. */
export const SHELL_PAGES = ['offline/', 'gemerkt/'];

/**
 * The site's hashed files that the shell `pages` (their HTML, under `base`) load: their styles
 * and scripts at the top of `_astro/`, relative to the base, sorted. Read from the pages, not
 * from the folder, which may still hold the files of an earlier build until it is settled.
 */
export function shellFiles(pages: readonly string[], base: string): string[] {
  const prefix = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = new RegExp(`(?:src|href)="${prefix}(_astro/[^"/?#]+)"`, 'g');
  return [...new Set(pages.flatMap((page) => [...page.matchAll(reference)].map((match) => match[1])))].sort();
}

/**
 * A short digest of `parts` in their order: the same parts always give the same version, and a
 * change in any gives another. Each part is preceded by its length, so no two lists of parts
 * read alike.
 */
export function workerVersion(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex').slice(0, 16);
}

/** The worker file: its configuration as a constant, then its code. */
export const workerScript = (code: string, config: WorkerConfig): string => `const OFFLINE = ${JSON.stringify(config)};\n${code}`;

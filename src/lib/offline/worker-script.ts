import { createHash } from 'node:crypto';

/** What the worker is built with: its version, and the files it keeps for that version. */
export interface WorkerConfig {
  version: string;
  /** Paths relative to the base: the offline and Gemerkt pages and the site's hashed scripts. */
  shell: string[];
}

/** The pages every version of the worker keeps, relative to the base. */
export const SHELL_PAGES = ['offline/', 'gemerkt/'];

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

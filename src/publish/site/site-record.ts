import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { writeAtomic } from '../disk.ts';
import { cacheFiles } from '../state.ts';

/**
 * What one file of a site is: its size and the SHA-256 of its bytes, and the seal of the copy on
 * disk (inode and change time). The kernel sets a file's change time on every write, rename or
 * change of its times, and nobody can set it back; a file whose seal matches is the file hashed.
 */
export type FileFacts = [size: number, hash: string, ino: number, ctimeMs: number];

/** What a finished build left in its output folder, kept beside it (`site.record.json` for `site/`). */
export interface SiteRecord {
  /** The build's own name; a generation of `npm run build` is kept under it. */
  generation: string;
  /** Astro's incremental-build manifest as the build left it, by size and time. */
  manifest?: { size: number; mtimeMs: number };
  /** Every file of the site outside the linked folders, by its path in the folder. */
  files: Record<string, FileFacts>;
  /**
   * How the build made each page: rendered; copied from Astro's cache of pages (its incremental
   * build found it unchanged, but not in the folder); or kept, unchanged in the folder. None in
   * a record `npm run build` writes for a copy of the live site.
   */
  pages?: { rendered: string[]; copied: string[]; kept: string[] };
}

export const recordOf = (folder: string) => `${folder.replace(/\/+$/, '')}.record.json`;

/** The record of the site in `folder`; none if the folder is gone or the record is not one of ours. */
export function readRecord(folder: string): SiteRecord | undefined {
  if (!existsSync(folder)) return undefined;
  try {
    const record = JSON.parse(readFileSync(recordOf(folder), 'utf8')) as SiteRecord;
    if (typeof record.generation === 'string' && typeof record.files === 'object' && record.files !== null) return record;
  } catch {
    // Unreadable or not JSON: not a record of ours.
  }
  return undefined;
}

export const writeRecord = (folder: string, record: SiteRecord) => writeAtomic(recordOf(folder), JSON.stringify(record));

export const hashFile = (path: string) => createHash('sha256').update(readFileSync(path)).digest('base64url');

const sealed = (stats: Stats, [size, , ino, ctimeMs]: FileFacts) => stats.size === size && stats.ino === ino && stats.ctimeMs === ctimeMs;

/** The facts of the file at `path` now, its hash taken from `known` when its seal shows it untouched. */
export function factsOf(path: string, known?: FileFacts): FileFacts {
  const stats = statSync(path);
  return [stats.size, known && sealed(stats, known) ? known[1] : hashFile(path), stats.ino, stats.ctimeMs];
}

/** The facts of a file just copied from one whose hash is known. */
export function copiedFacts(path: string, hash: string): FileFacts {
  const stats = statSync(path);
  return [stats.size, hash, stats.ino, stats.ctimeMs];
}

/**
 * Whether the file at `path` is the one `facts` describe: by its seal, which costs a `stat`, or,
 * once touched since, by size and hash. A file damaged, emptied or deleted by hand is not.
 */
export function isIntact(path: string, facts: FileFacts): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  // The size first: a file of another size is not read to be told apart.
  return !!stats?.isFile() && stats.size === facts[0] && (sealed(stats, facts) || hashFile(path) === facts[1]);
}

/** Astro's manifest stamp, which tells whether another build has run since a record was written. */
export function manifestStamp(cacheDir: string): SiteRecord['manifest'] {
  const stat = statSync(cacheFiles(cacheDir).astroManifest, { throwIfNoEntry: false });
  return stat && { size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * Whether the folder of `record` holds the site of the build that left Astro's manifest as it
 * is: only then may Astro take a page in it for its unchanged page. Another build since, into
 * another folder, makes it a stranger.
 */
export function holdsLastBuild(record: SiteRecord | undefined, cacheDir: string): record is SiteRecord {
  const manifest = manifestStamp(cacheDir);
  return !!record?.manifest && !!manifest && record.manifest.size === manifest.size && record.manifest.mtimeMs === manifest.mtimeMs;
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectInlineHashes, type InlineHashes } from '../../lib/csp.ts';
import { writeAtomic } from '../disk.ts';
import { cacheFiles } from '../state.ts';

interface Known {
  /** Size and time of Astro's cached copy of the page when its hashes were taken. */
  size: number;
  mtimeMs: number;
  scripts: string[];
  styles: string[];
}

/**
 * The CSP hashes of the inline scripts and styles of every page of a build. Astro's incremental
 * build keeps a copy of each page in `cacheDir/dist/` and copies it unchanged into the next build
 * while its data and code stay the same; such a page has the hashes it had when it was rendered,
 * remembered in `cacheDir/page-hashes.json` by its cached copy's size and time. Only pages
 * rendered anew are read, not the whole archive on every build; a page without a remembered
 * copy is read, so a missing or stale record costs time, never a hash.
 */
export function pageHashes(site: string, pages: readonly string[], cacheDir: string): InlineHashes {
  const { pageHashes: file, astroPages } = cacheFiles(cacheDir);
  // Stryker disable next-line StringLiteral: equivalent, because JSON.parse reads a Buffer as its UTF-8 text
  const known: Record<string, Known> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const next: Record<string, Known> = {};
  const all: InlineHashes = { scripts: new Set(), styles: new Set() };
  for (const page of pages) {
    const copy = statSync(join(astroPages, page), { throwIfNoEntry: false });
    const record = known[page];
    const unchanged = copy && record && record.size === copy.size && record.mtimeMs === copy.mtimeMs && statSync(join(site, page)).size === copy.size;
    const hashes = unchanged ? record : collectInlineHashes(readFileSync(join(site, page), 'utf8'), { scripts: new Set(), styles: new Set() });
    for (const hash of hashes.scripts) all.scripts.add(hash);
    for (const hash of hashes.styles) all.styles.add(hash);
    if (copy) next[page] = { size: copy.size, mtimeMs: copy.mtimeMs, scripts: [...hashes.scripts], styles: [...hashes.styles] };
  }
  writeAtomic(file, JSON.stringify(next));
  return all;
}

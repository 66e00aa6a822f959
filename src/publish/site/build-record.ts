import { randomUUID } from 'node:crypto';
import { lstatSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesIn } from '../disk.ts';
import { cacheFiles } from '../state.ts';
import { factsOf, type FileFacts, holdsLastBuild, manifestStamp, readRecord, recordOf, type SiteRecord, writeRecord } from './site-record.ts';

/**
 * Makes `folder` hold exactly this build's site and returns its files' facts. A file this build
 * neither wrote nor kept as a page is the last build's and is removed: untouched since the folder
 * was recorded (`before`), by its seal. Every other file is hashed, unless its seal shows it is
 * the one `before` hashed; folders left empty go too. The folders in `skip` are kept exact by
 * their integrations.
 */
export function settle(folder: string, before: SiteRecord | undefined, pages: ReadonlySet<string>, skip: readonly string[]) {
  const files: Record<string, FileFacts> = {};
  for (const path of filesIn(folder, skip)) {
    const known = before?.files[path];
    const facts = factsOf(join(folder, path), known);
    const untouched = known !== undefined && facts[2] === known[2] && facts[3] === known[3];
    if (untouched && !pages.has(path)) unlinkSync(join(folder, path));
    else files[path] = facts;
  }
  removeEmptyFolders(folder);
  return files;
}

/**
 * How the build that started at `started` (ms since 1970) made each of its pages: kept in place
 * (its seal is the one `before` recorded), copied from Astro's cache of pages, or rendered. Astro
 * gives a copy the cached file's time, from a `Date` (so to the millisecond, passed on as float
 * seconds); it writes a rendered page to its cache too, but then both are of this build.
 */
export function pagesMade(folder: string, pages: ReadonlySet<string>, files: Record<string, FileFacts>, before: SiteRecord | undefined, astroPages: string, started: number) {
  const made: NonNullable<SiteRecord['pages']> = { rendered: [], copied: [], kept: [] };
  for (const page of [...pages].sort()) {
    const [known, now] = [before?.files[page], files[page]];
    const cached = statSync(join(astroPages, page), { throwIfNoEntry: false })?.mtimeMs;
    if (known && now && known[2] === now[2] && known[3] === now[3]) made.kept.push(page);
    else if (cached !== undefined && cached < started && Math.abs(cached - statSync(join(folder, page)).mtimeMs) < 1) made.copied.push(page);
    else made.rendered.push(page);
  }
  return made;
}

function removeEmptyFolders(directory: string) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(directory, entry.name);
    removeEmptyFolders(path);
    if (!readdirSync(path).length) rmdirSync(path);
  }
}

/**
 * Lets a build keep the files of the last build in its output folder (Vite's `emptyOutDir:
 * false`), so Astro need not copy the pages it does not render again: at the end of the build,
 * whatever this build neither wrote nor kept as a page is removed, and a record of every file
 * the folder then holds is written beside it, for `npm run build` to check and reuse them
 * (publish/site/staging.ts). A folder whose record does not match Astro's manifest is emptied
 * first: Astro would keep its pages as unchanged. `managed` are folders that other integrations
 * keep exact themselves, e.g. "pagefind/".
 */
export function buildRecord({ managed }: { managed: string[] }): AstroIntegration {
  /** Set as the config is done, before any other hook. */
  let cacheDir: string;
  let outDir: string;
  let before: SiteRecord | undefined;
  let started = 0;
  return {
    name: 'build-record',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
      },
      'astro:build:start': () => {
        started = Date.now();
        // Through a link a build would write into a site that readers see.
        if (lstatSync(outDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
          throw new Error(`${outDir} is the link to the live site of \`npm run build\`: build with \`npm run build\`, or into another folder`);
        }
        const record = readRecord(outDir);
        before = holdsLastBuild(record, cacheDir) ? record : undefined;
        if (!before) rmSync(outDir, { recursive: true, force: true });
        // Until it is done, the folder is no build's whole site.
        rmSync(recordOf(outDir), { force: true });
      },
      'astro:build:done': ({ dir, assets }) => {
        const folder = fileURLToPath(dir).replace(/\/$/, '');
        const pages = new Set([...assets.values()].flat().map((url) => relative(folder, fileURLToPath(url))));
        const files = settle(folder, before, pages, managed);
        const made = pagesMade(folder, pages, files, before, cacheFiles(cacheDir).astroPages, started);
        writeRecord(folder, { generation: randomUUID(), manifest: manifestStamp(cacheDir), files, pages: made });
      },
    },
  };
}

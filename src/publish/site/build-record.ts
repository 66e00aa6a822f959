import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** What a build did to its output folder, kept beside it (`dist.record.json` for `dist/`). */
export interface BuildRecord {
  /** This build's own name. */
  generation: string;
  /** The build whose output the folder held before, if it had a record. */
  previous?: string;
  /** Astro's incremental-build manifest as this build left it, by size and time. */
  manifest?: { size: number; mtimeMs: number };
  /** Files this build wrote, relative to the folder. */
  written: string[];
  /** Files of the build before that this one removed. */
  removed: string[];
}

export const recordOf = (folder: string) => `${folder.replace(/\/+$/, '')}.record.json`;

/** The record of the build `folder` holds; none if the folder is gone, whatever was left beside it. */
export function readRecord(folder: string): BuildRecord | undefined {
  const file = recordOf(folder);
  return existsSync(folder) && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BuildRecord) : undefined;
}

/** The manifest's stamp, which tells whether another build has run since a record was written. */
function manifestStamp(cacheDir: string): BuildRecord['manifest'] {
  const stat = statSync(join(cacheDir, 'incremental-build.json'), { throwIfNoEntry: false });
  return stat && { size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * Whether the folder of `record` holds exactly the site of the build that left Astro's manifest
 * as it is: only then may Astro take a page in it for its unchanged page. Another build since,
 * into another folder, or a build of this folder that failed half-way (it left no record) make
 * it a stranger.
 */
export function holdsLastBuild(record: BuildRecord | undefined, cacheDir: string): record is BuildRecord {
  const manifest = manifestStamp(cacheDir);
  return !!record?.manifest && !!manifest && record.manifest.size === manifest.size && record.manifest.mtimeMs === manifest.mtimeMs;
}

/**
 * Walks `folder` without the folders other integrations keep exact, removing every file the
 * build neither wrote (changed since `since`, in the file system's own clock) nor kept as a page.
 */
function settle(folder: string, since: number, pages: ReadonlySet<string>, managed: readonly string[]) {
  const written: string[] = [];
  const removed: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      const name = relative(folder, path);
      if (entry.isDirectory()) {
        if (managed.includes(`${name}/`)) continue;
        walk(path);
        if (readdirSync(path).length === 0) rmdirSync(path);
      } else if (statSync(path).mtimeMs >= since) written.push(name);
      else if (!pages.has(name)) {
        unlinkSync(path);
        removed.push(name);
      }
    }
  };
  walk(folder);
  return { written, removed };
}

/**
 * Lets a build keep the files of the last build in its output folder (Vite's `emptyOutDir:
 * false`), so Astro need not copy the pages it did not render again: at the end of the build,
 * whatever this build neither wrote nor kept as a page is removed, and the folder holds this
 * build's site exactly. What the build wrote and removed is recorded beside the folder, for
 * `npm run build` to bring its other folder up to date (scripts/build.ts). `managed` are folders
 * that other integrations keep exact themselves, e.g. "pagefind/".
 */
export function buildRecord({ managed }: { managed: string[] }): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let since = 0;
  let previous: string | undefined;
  let publicDir = '';
  return {
    name: 'build-record',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        const record = readRecord(outDir);
        if (holdsLastBuild(record, cacheDir)) previous = record.generation;
        else rmSync(outDir, { recursive: true, force: true });
        // Until it is done, the folder is no build's whole site.
        rmSync(recordOf(outDir), { force: true });
        // A file's time comes from the file system's clock, which may lag the process's: the
        // build's start is read off a file written now.
        const clock = join(cacheDir, 'build-clock');
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(clock, '');
        since = statSync(clock).mtimeMs;
      },
      'astro:build:done': ({ dir, assets }) => {
        const folder = fileURLToPath(dir);
        // Astro copies public files and restores cached pages with their old times: both are kept by name.
        const publicFiles = existsSync(publicDir) ? readdirSync(publicDir, { recursive: true, encoding: 'utf8' }) : [];
        const pages = new Set([...[...assets.values()].flat().map((url) => relative(folder, fileURLToPath(url))), ...publicFiles]);
        const record: BuildRecord = {
          generation: randomUUID(),
          previous,
          manifest: manifestStamp(cacheDir),
          ...settle(folder, since, pages, managed),
        };
        writeFileSync(recordOf(folder), JSON.stringify(record));
      },
    },
  };
}

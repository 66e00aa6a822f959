import { closeSync, copyFileSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isRunning } from './processes.ts';

/*
 * The only code that writes what the build keeps between runs: files written aside and renamed
 * into place, links from the stores into a site, and the pruning of stores.
 */

/** The name under which this process makes `path` aside, renaming it once finished. */
export const partialOf = (path: string) => `${path}.${process.pid}.partial`;

/** The process that is making a file named by `partialOf`, if the name is such a one. */
export const makerOf = (name: string): number | undefined => {
  const pid = /\.(\d+)\.partial$/.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
};

/**
 * Writes `path` whole or not at all: aside under a name that says which process writes it, flushed
 * to the disk, then renamed over the old file. A reader sees the old file or the new one, never
 * half of one; what a killed writer leaves aside is pruned by the next build, as its name tells
 * that its maker is gone.
 */
export function writeAtomic(path: string, data: string | Uint8Array) {
  mkdirSync(dirname(path), { recursive: true });
  const partial = partialOf(path);
  const file = openSync(partial, 'w');
  try {
    writeFileSync(file, data);
    // Stryker disable next-line CallExpression: equivalent in any test, because only a crash of the machine itself tells a flushed file from one the kernel still holds
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
  renameSync(partial, path);
}

/**
 * Every file under `folder` (paths relative to it), without the folders in `skip` ("pagefind/").
 * Sub-folders that hold nothing are left out, as a site has no use for them.
 */
export function filesIn(folder: string, skip: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(`${relative(folder, path)}/`)) walk(path);
      } else files.push(relative(folder, path));
    }
  };
  walk(folder);
  return files.sort();
}

/** Whether the two names are links to one file. */
export function sameFile(a: string, b: string): boolean {
  const [first, second] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return !!first && !!second && first.ino === second.ino && first.dev === second.dev;
}

/**
 * Puts a finished file of the build's store into the output as a hard link: one write where a
 * copy is four, and nothing writes into a finished file, so the two names never differ. A copy
 * serves where the two folders lie on different disks. The output keeps the last build's files,
 * so a link already in place stays, and any other file of that name is replaced, never written
 * through: it may be a link to another finished file.
 */
export function linkFile(source: string, target: string) {
  if (sameFile(source, target)) return;
  rmSync(target, { recursive: true, force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/**
 * Makes the folder `to` hold the files of `from` as links, sub-folders included, and nothing
 * else but the entries named in `keep`.
 */
export function linkFolder(from: string, to: string, keep: ReadonlySet<string> = new Set()) {
  mkdirSync(to, { recursive: true });
  const entries = readdirSync(from, { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  for (const name of readdirSync(to)) if (!names.has(name) && !keep.has(name)) rmSync(join(to, name), { recursive: true });
  for (const entry of entries) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkFolder(source, target);
    else linkFile(source, target);
  }
}

/**
 * Removes from a folder what is not in use: from a store, so it does not grow with every
 * correction, also what stopped builds left half-made; what a running build is making stays, and
 * with `since` (ms) whatever was written since then, by a process that shares the store.
 */
export function pruneStore(store: string, inUse: ReadonlySet<string>, since = Number.POSITIVE_INFINITY) {
  for (const name of readdirSync(store)) {
    const maker = makerOf(name);
    if (inUse.has(name) || (maker && isRunning(maker))) continue;
    const path = join(store, name);
    const written = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (written !== undefined && written < since) rmSync(path, { recursive: true, force: true });
  }
}

import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, makerOf } from './processes.ts';

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
  for (const name of readdirSync(to)) if (!names.has(name) && !keep.has(name)) rmSync(join(to, name), { recursive: true, force: true });
  for (const entry of entries) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkFolder(source, target);
    else linkFile(source, target);
  }
}

/**
 * Removes from a folder what is not in use: from a store, so it does not grow with every
 * correction, also what stopped builds left half-made; what a running build is making stays.
 */
export function pruneStore(store: string, inUse: ReadonlySet<string>) {
  for (const name of readdirSync(store)) {
    const maker = makerOf(name);
    if (!inUse.has(name) && !(maker && isRunning(maker))) rmSync(join(store, name), { recursive: true, force: true });
  }
}

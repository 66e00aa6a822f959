import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isRunning, makerOf } from '../lib/processes.ts';

/**
 * Puts a finished file of the build's store into the output as a hard link: one write where a
 * copy is four, and nothing writes into a finished file, so the two names never differ. A copy
 * serves where the two folders lie on different disks.
 */
export function linkFile(source: string, target: string) {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** Links every file of the folder `from` into `to`, sub-folders included. */
export function linkFolder(from: string, to: string) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkFolder(source, target);
    else linkFile(source, target);
  }
}

/**
 * Removes from the store what the build no longer uses, so it does not grow with every
 * correction, and what stopped builds left half-made; what a running build is making stays.
 */
export function pruneStore(store: string, inUse: ReadonlySet<string>) {
  for (const name of readdirSync(store)) {
    const maker = makerOf(name);
    if (!inUse.has(name) && !(maker && isRunning(maker))) rmSync(join(store, name), { recursive: true, force: true });
  }
}

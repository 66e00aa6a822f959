// The two folders of `npm run build`: the live site and the staging folder the next build is
// made in. The staging folder keeps the site of the build before the live one, and is brought
// up to date with the live site before each build, so Astro finds every unchanged page already
// in place and copies none (src/integrations/build-record.ts records what each build changed).
import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { holdsLastBuild, readRecord, recordOf } from './build-record.ts';
import { LINKED_FOLDERS } from '../state.ts';

/** Removes a folder and its record. */
export function discard(folder: string) {
  rmSync(folder, { recursive: true, force: true });
  rmSync(recordOf(folder), { force: true });
}

/**
 * Makes `staging` hold the site in `live` before a build, so that Astro finds its unchanged
 * pages in place. Only when the live site is the one Astro's manifest describes (no other build
 * has run since); otherwise staging is emptied and Astro copies those pages from its cache.
 * When staging holds the very build the live one followed, only the files the live build wrote
 * or removed change; otherwise it is made a copy of the live site. Returns how.
 */
export function prepareStaging(live: string, staging: string, cacheDir: string): 'updated' | 'copied' | 'emptied' {
  const [liveRecord, stagingRecord] = [readRecord(live), readRecord(staging)];
  if (!holdsLastBuild(liveRecord, cacheDir)) {
    discard(staging);
    return 'emptied';
  }
  if (!existsSync(staging) || liveRecord.previous === undefined || liveRecord.previous !== stagingRecord?.generation) {
    discard(staging);
    // Not the linked folders: the build links their files from the cache again, and a copy of
    // every photo variant would be thrown away.
    cpSync(live, staging, { recursive: true, filter: (source) => !LINKED_FOLDERS.includes(`${relative(live, source)}/`) });
    writeFileSync(recordOf(staging), JSON.stringify(liveRecord));
    return 'copied';
  }
  for (const file of liveRecord.removed) rmSync(join(staging, file), { force: true });
  for (const file of liveRecord.written) {
    const target = join(staging, file);
    mkdirSync(dirname(target), { recursive: true });
    // A new file, never one written through: the two folders must not share a file.
    rmSync(target, { force: true });
    copyFileSync(join(live, file), target);
  }
  writeFileSync(recordOf(staging), JSON.stringify(liveRecord));
  return 'updated';
}

/**
 * Puts the finished `staging` site live. The site it replaces becomes the staging folder of the
 * next build, if a build of ours made it; any other is deleted.
 */
export function rotate(live: string, staging: string) {
  const aside = `${live}.aside-${process.pid}`;
  const keep = readRecord(live) !== undefined;
  if (existsSync(live)) renameSync(live, aside);
  if (keep) renameSync(recordOf(live), recordOf(aside));
  renameSync(staging, live);
  renameSync(recordOf(staging), recordOf(live));
  if (keep) {
    renameSync(aside, staging);
    renameSync(recordOf(aside), recordOf(staging));
  } else rmSync(aside, { recursive: true, force: true });
}

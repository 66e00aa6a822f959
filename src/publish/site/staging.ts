import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesIn } from '../disk.ts';
import { LINKED_FOLDERS } from '../state.ts';
import { copiedFacts, factsOf, type FileFacts, holdsLastBuild, isIntact, readRecord, recordOf, type SiteRecord, writeRecord } from './site-record.ts';

/** How the folder of the next build was made ready. */
export type Preparation = 'updated' | 'copied' | 'emptied';

/**
 * Makes `next` hold the live site, file for file as its record says, so that Astro finds every
 * unchanged page in place (the build-record integration then removes what the build did not
 * make). Nothing is taken on trust: a file `next` already holds is kept when its seal or hash
 * shows it is the one the live record names, else it is copied from the live site, if that one
 * is intact. A file damaged in both is left out, and Astro makes it again (from its cache of
 * pages, or by rendering). `next` is emptied when the live site is not the last build's (another
 * build has run since) or has no record. The result is recorded as a copy of the live site.
 */
export function prepareStaging(live: string | undefined, next: string, cacheDir: string): Preparation {
  const liveRecord = live === undefined ? undefined : readRecord(live);
  const nextRecord = readRecord(next);
  // From here until its new record, the folder is no site a build can trust.
  rmSync(recordOf(next), { force: true });
  if (live === undefined || !holdsLastBuild(liveRecord, cacheDir)) {
    rmSync(next, { recursive: true, force: true });
    return 'emptied';
  }
  if (!nextRecord) rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  const files = matchLive(live, liveRecord, next, nextRecord);
  writeRecord(next, { generation: liveRecord.generation, manifest: liveRecord.manifest, files });
  return nextRecord ? 'updated' : 'copied';
}

/** Brings the files of `next` to those of the live record; returns the facts of the files it then holds. */
function matchLive(live: string, liveRecord: SiteRecord, next: string, nextRecord: SiteRecord | undefined) {
  const files: Record<string, FileFacts> = {};
  const present = new Set(filesIn(next, LINKED_FOLDERS));
  for (const path of present) if (!(path in liveRecord.files)) rmSync(join(next, path));
  for (const [path, wanted] of Object.entries(liveRecord.files)) {
    const target = join(next, path);
    const held = nextRecord?.files[path];
    if (held && held[1] === wanted[1] && isIntact(target, held)) {
      files[path] = factsOf(target, held);
      continue;
    }
    // A new file, never one written through: the two folders must not share a file.
    rmSync(target, { force: true });
    if (!isIntact(join(live, path), wanted)) continue;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(live, path), target);
    files[path] = copiedFacts(target, wanted[1]);
  }
  return files;
}

// The production build: `astro build` into a staging folder beside dist/, swapped in only when
// the whole build succeeded. A failed build leaves the last good dist/ untouched, so a deploy can
// never pick up a half-written site. The replaced site becomes the next staging folder, brought
// up to date before the next build (scripts/staging.ts). Usage: npm run build [-- <out dir>]
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { CACHE_DIR } from '../src/publish/state.ts';
import { isRunning, partialOf } from '../src/publish/processes.ts';
import { discard, prepareStaging, rotate } from '../src/publish/site/staging.ts';

const out = resolve(process.argv[2] ?? 'dist');
// Always the same staging folder: Astro writes the output folder's path into the code of every
// page that shows a photo, so a new folder each time would make every such page look changed
// to the incremental build, and it would render them all again.
const staging = `${out}.staging`;
// One build at a time, whatever its output folder: all share the cache (Astro's manifest, and
// the photo and search stores, which each build prunes of what it does not use).
const lock = join(resolve(CACHE_DIR), 'build.lock');
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
// A build makes many short-lived objects (a page, a list of thousands of articles): a young
// generation of 64 MB instead of V8's 16 lets them die young, a quarter less CPU per rebuild.
// V8 would let the old generation grow up to four times what stays alive before it collects;
// at 25,000 articles that garbage was 1.3 GB of the build's 3.6 GB peak. Growing by half at a
// time keeps the peak near what the build holds, at no cost in time measured there.
const V8_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=50'];

/**
 * Takes the lock, or returns the running build that holds it; a lock left by a killed build is
 * taken over. The lock is written aside and linked into place, so it is never seen half-written,
 * and of two builds starting together only one link succeeds.
 */
function takeLock(): number | undefined {
  mkdirSync(dirname(lock), { recursive: true });
  const partial = partialOf(lock);
  writeFileSync(partial, String(process.pid));
  try {
    for (;;) {
      try {
        linkSync(partial, lock);
        return undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let holder: number;
      try {
        holder = Number(readFileSync(lock, 'utf8'));
      } catch {
        continue; // released meanwhile
      }
      if (isRunning(holder)) return holder;
      rmSync(lock, { force: true });
    }
  } finally {
    rmSync(partial, { force: true });
  }
}

const holder = takeLock();
if (holder !== undefined) {
  console.error(`Another build (process ${holder}) is using ${resolve(CACHE_DIR)}; wait for it to finish.`);
  process.exit(1);
}
try {
  const how = prepareStaging(out, staging, resolve(CACHE_DIR));
  console.log(`${staging}: ${{ updated: 'brought up to date with the live site', copied: 'a copy of the live site', emptied: 'emptied' }[how]}.`);
  const build = spawnSync(process.execPath, [...V8_FLAGS, astro, 'build', '--outDir', staging], { stdio: 'inherit' });
  if (build.status !== 0) {
    discard(staging);
    console.error(`\nBuild failed: ${out} was left as it was.`);
    process.exitCode = build.status ?? 1;
  } else {
    rotate(out, staging);
    console.log(`Built into ${out}.`);
  }
} finally {
  rmSync(lock, { force: true });
}

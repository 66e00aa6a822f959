// The production build: `astro build` into a staging folder beside dist/, swapped in only when
// the whole build succeeded. A failed build leaves the last good dist/ untouched, so a deploy can
// never pick up a half-written site. Usage: npm run build [-- <out dir>]
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRunning } from '../src/lib/processes.ts';

const out = resolve(process.argv[2] ?? 'dist');
// Always the same staging folder: Astro writes the output folder's path into the code of every
// page that shows a photo, so a new folder each time would make every such page look changed
// to the incremental build, and it would render them all again.
const staging = `${out}.staging`;
const previous = `${out}.previous-${process.pid}`;
const lock = `${staging}.lock`;

/** One build at a time may use the staging folder; a lock left by a killed build is taken over. */
function takeLock() {
  if (existsSync(lock)) {
    const holder = Number(readFileSync(lock, 'utf8'));
    if (isRunning(holder)) {
      console.error(`Another build (process ${holder}) is writing ${staging}; wait for it to finish.`);
      process.exit(1);
    }
    rmSync(lock, { force: true });
  }
  const handle = openSync(lock, 'wx');
  writeSync(handle, String(process.pid));
  closeSync(handle);
}

takeLock();
try {
  const build = spawnSync('astro', ['build', '--outDir', staging], { stdio: 'inherit' });
  if (build.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild failed: ${out} was left as it was.`);
    process.exitCode = build.status ?? 1;
  } else {
    if (existsSync(out)) renameSync(out, previous);
    renameSync(staging, out);
    // The new site is in place: the old one is deleted by a process of its own, so that the
    // thousands of files of an archive keep nobody waiting for the build to return.
    spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', previous], { detached: true, stdio: 'ignore' }).unref();
    console.log(`Built into ${out}.`);
  }
} finally {
  rmSync(lock, { force: true });
}

// The production build: `astro build` into a staging folder beside dist/, swapped in only when
// the whole build succeeded. A failed build leaves the last good dist/ untouched, so a deploy can
// never pick up a half-written site. The replaced site becomes the next staging folder, brought
// up to date before the next build (scripts/staging.ts). Usage: npm run build [-- <out dir>]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { CACHE_DIR } from '../src/lib/project-paths.ts';
import { isRunning } from '../src/lib/processes.ts';
import { discard, prepareStaging, rotate } from './staging.ts';

const out = resolve(process.argv[2] ?? 'dist');
// Always the same staging folder: Astro writes the output folder's path into the code of every
// page that shows a photo, so a new folder each time would make every such page look changed
// to the incremental build, and it would render them all again.
const staging = `${out}.staging`;
const lock = `${staging}.lock`;
// A build makes many short-lived objects (a page, a list of thousands of articles): a young
// generation of 64 MB instead of V8's 16 lets them die young, a quarter less CPU per rebuild.
const NODE_OPTIONS = [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ');

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
  const how = prepareStaging(out, staging, resolve(CACHE_DIR));
  console.log(`${staging}: ${{ updated: 'brought up to date with the live site', copied: 'a copy of the live site', emptied: 'emptied' }[how]}.`);
  const build = spawnSync('astro', ['build', '--outDir', staging], { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS } });
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

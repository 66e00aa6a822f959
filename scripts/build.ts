// The production build: `astro build` into a staging folder beside dist/, swapped in only when
// the whole build succeeded. A failed build leaves the last good dist/ untouched, so a deploy can
// never pick up a half-written site. Usage: npm run build [-- <out dir>]
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? 'dist');
const staging = `${out}.staging-${process.pid}`;
const previous = `${out}.previous-${process.pid}`;

const build = spawnSync('astro', ['build', '--outDir', staging], { stdio: 'inherit' });
if (build.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${out} was left as it was.`);
  process.exit(build.status ?? 1);
}
if (existsSync(out)) renameSync(out, previous);
renameSync(staging, out);
rmSync(previous, { recursive: true, force: true });
console.log(`Built into ${out}.`);

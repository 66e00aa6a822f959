// The production build: `npm run build [-- <output folder>]`, by default into dist/. The site is
// built beside the live one and goes live in one step when the whole build has succeeded
// (src/publish/site/publish.ts). Astro runs in this process, so the build lock names the
// process that writes; it is loaded only once the output folder and the lock are ours.
// package.json starts it with V8's young generation at 64 MB instead of 16, so that a build's
// many short-lived objects die young (a quarter less CPU per rebuild), and the old generation
// growing by half at a time rather than up to fourfold, which kept a 25,000-article build's
// peak near what it holds (2.7 GB instead of 3.6).
import { resolve } from 'node:path';
import { publish, PublishRefused } from '../src/publish/site/publish.ts';
import { ContentError } from '../src/lib/content/content-error.ts';
import { OutputRefused } from '../src/publish/site/generations.ts';
import { CACHE_DIR } from '../src/publish/state.ts';

const out = resolve(process.argv[2] ?? 'dist');
try {
  await publish({ out, project: process.cwd(), cacheDir: resolve(CACHE_DIR), build: async (outDir) => (await import('astro')).build({ outDir }), log: console.log });
  console.log(`Built into ${out}.`);
  process.exit(0);
} catch (error) {
  if (error instanceof OutputRefused || error instanceof PublishRefused) console.error(error.message);
  else {
    // A content error names file, line and field; anything else is a fault, told with its stack.
    console.error(error instanceof ContentError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    console.error(`\nBuild failed: ${out} was left as it was.`);
  }
  process.exit(1);
}

// The production build: `npm run build [-- <output folder>]` (src/publish/site/publish-command.ts).
// Astro runs in this process, so the build lock names the process that writes; it is loaded only
// once the output folder and the lock are ours. package.json starts it with V8's young
// generation at 64 MB instead of 16, so that a build's many short-lived objects die young (a
// quarter less CPU per rebuild), and the old generation growing by half at a time rather than
// up to fourfold, which kept a 25,000-article build's peak near what it holds (2.7 GB, not 3.6).
import { publishCommand } from '../src/publish/site/publish-command.ts';

const build = async (outDir: string) => (await import('astro')).build({ outDir });
process.exit(await publishCommand(process.argv.slice(2), { project: process.cwd(), build, log: console.log, fail: console.error }));

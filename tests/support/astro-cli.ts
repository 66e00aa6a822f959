import { execFile, execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { promisify } from 'node:util';
import { readRecord } from '../../src/publish/site/site-record.ts';

/**
 * The environment for an `astro` child process: ours minus what vitest adds. Vitest exports
 * BASE_URL, MODE and NODE_ENV=test, and Astro would take those over its own config.
 */
export function astroEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/** `astro build` into `outDir`, its output shown, failing loudly. */
export function astroBuildSync(outDir: string, env: Record<string, string> = {}, flags: string[] = []) {
  execFileSync('astro', ['build', '--outDir', outDir, ...flags], { stdio: 'inherit', env: astroEnv(env) });
}

/** `astro build` in another project folder; resolves with what it printed, rejects on failure. */
export const astroBuildIn = (cwd: string, env: Record<string, string> = {}, flags: string[] = []) =>
  promisify(execFile)('astro', ['build', ...flags], { cwd, env: astroEnv({ FORCE_COLOR: '0', ...env }), maxBuffer: 64 * 2 ** 20 });

/** `npm run build` as the README has it (build beside the live site, then go live), in another project folder. */
export const productionBuildIn = (cwd: string, env: Record<string, string> = {}, args: string[] = []) =>
  promisify(execFile)('npm', ['run', 'build', ...(args.length ? ['--', ...args] : [])], { cwd, env: astroEnv({ FORCE_COLOR: '0', ...env }), maxBuffer: 64 * 2 ** 20 });

/**
 * The pages the last build into `outDir` made, from the record it left beside them (read
 * through the `dist` link): those it rendered, and those it took unchanged from the last build
 * (`restored`): kept in place in the folder, or copied from Astro's cache (`copied`).
 */
export function pagesBuilt(outDir: string) {
  const { pages } = readRecord(realpathSync(outDir)) ?? {};
  if (!pages) throw new Error(`${outDir}: no record of how its pages were made`);
  return { rendered: pages.rendered, restored: [...pages.copied, ...pages.kept].sort(), copied: pages.copied };
}

import { execFile, execFileSync } from 'node:child_process';
import { promisify, stripVTControlCharacters } from 'node:util';

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
 * The pages a build wrote, from what it printed: those it rendered, and those Astro's
 * incremental build took unchanged from the last build (`restored`): either found in place in
 * the output folder ("cached"), or copied from its cache (`copied`, also "restored" in Astro's
 * words). Astro renders several pages at a time, so a rendered page's timing may follow another
 * page's line; a page taken unchanged is marked right after its path.
 */
export function pagesBuilt(output: string) {
  const rendered: string[] = [];
  const restored: string[] = [];
  const copied: string[] = [];
  for (const [, path, how] of stripVTControlCharacters(output).matchAll(/─ \/(\S+?\.[a-z]+)(?=\s|\d|$)(?: \((restored|cached)\))?/g)) {
    if (!how) rendered.push(path);
    else restored.push(path);
    if (how === 'restored') copied.push(path);
  }
  return { rendered, restored, copied };
}

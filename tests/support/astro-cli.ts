import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

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
export function astroBuildSync(outDir: string, env: Record<string, string> = {}) {
  execFileSync('astro', ['build', '--outDir', outDir], { stdio: 'inherit', env: astroEnv(env) });
}

/** `astro build` in another project folder; resolves with what it printed, rejects on failure. */
export const astroBuildIn = (cwd: string, env: Record<string, string> = {}) =>
  promisify(execFile)('astro', ['build'], { cwd, env: astroEnv({ FORCE_COLOR: '0', ...env }) });

/** The project's own `npm run build` (build and swap) in another project folder. */
export const productionBuildIn = (cwd: string) => promisify(execFile)('node', ['scripts/build.ts'], { cwd, env: astroEnv({ FORCE_COLOR: '0' }) });

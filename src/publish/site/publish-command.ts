import { resolve } from 'node:path';
import { ContentError } from '../../lib/content/content-error.ts';
import { CACHE_DIR } from '../state.ts';
import { OutputRefused } from './generations.ts';
import { publish, type PublishOptions, PublishRefused } from './publish.ts';

/**
 * Whether `error` is an editor's or operator's mistake that says all there is to say. Astro
 * loads its config through Vite's module runner, with classes of its own: a settings error is
 * known by its name.
 */
const toldWell = (error: unknown): error is Error => error instanceof ContentError || (error instanceof Error && error.name === 'SettingsError');

/**
 * `npm run build [-- <output folder>]`, by default into dist/ of the project: publishes and
 * tells how it went on `log` and `fail`; resolves with the exit code.
 */
export async function publishCommand(
  args: readonly string[],
  { project, build, log, fail }: Pick<PublishOptions, 'project' | 'build' | 'log'> & { fail(message: string): void },
): Promise<number> {
  const out = resolve(project, args[0] ?? 'dist');
  try {
    await publish({ out, project, cacheDir: resolve(project, CACHE_DIR), build, log });
    log(`Built into ${out}.`);
    return 0;
  } catch (error) {
    if (error instanceof OutputRefused || error instanceof PublishRefused) fail(error.message);
    else {
      // A content error names file, line and field, a settings error its variable; anything else
      // is a fault, told with its stack.
      fail(toldWell(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
      fail(`\nBuild failed: ${out} was left as it was.`);
    }
    return 1;
  }
}

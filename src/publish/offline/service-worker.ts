import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build, type Rolldown } from 'vite';
import { WORKER_FILE } from '../../lib/offline/shelves.ts';
import { SHELL_PAGES, shellFiles, workerScript, workerVersion } from '../../lib/offline/worker-script.ts';

const ENTRY = fileURLToPath(new URL('../../service-worker.ts', import.meta.url));

/** The worker's code, bundled into one classic script (module workers are not everywhere yet). */
async function bundleWorker(root: string): Promise<string> {
  const output = (await build({
    configFile: false,
    envFile: false,
    publicDir: false,
    logLevel: 'silent',
    root,
    build: { write: false, emptyOutDir: false, minify: true, rollupOptions: { input: ENTRY, output: { format: 'es' } } },
  })) as Rolldown.RolldownOutput;
  return output.output[0].code;
}

/**
 * Writes the service worker (src/service-worker.ts) to `service-worker.js` at the base of the
 * built site, with its version and what it keeps for that version: the offline and Gemerkt
 * pages and the styles and scripts they load (the photos below `_astro/` belong to articles).
 * The version is a digest of the worker's code, those pages and the
 * scripts' names, so it changes when the site's code, look or frame does, and two builds of one
 * commit write the same file. Articles are no part of it: they are always fetched anew, and
 * every stored one keeps the files it showed.
 */
export function serviceWorker(): AstroIntegration {
  /** Set as the config is done, before any other hook. */
  let root: string;
  let base: string;
  return {
    name: 'service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir }) => {
        const site = fileURLToPath(dir);
        const code = await bundleWorker(root);
        const pages = SHELL_PAGES.map((page) => readFileSync(join(site, page, 'index.html'), 'utf8'));
        const shell = [...SHELL_PAGES, ...shellFiles(pages, base)];
        const version = workerVersion([code, ...pages, ...shell]);
        writeFileSync(join(site, WORKER_FILE), workerScript(code, { version, shell }));
      },
    },
  };
}

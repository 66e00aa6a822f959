import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRecord } from '../../src/publish/site/build-record.ts';
import { cacheFiles, LINKED_FOLDERS } from '../../src/publish/state.ts';
import { hooksOf } from './integration-hooks.ts';

/** A site as a map of its files' paths to their text. */
export type SiteFiles = Record<string, string>;

/**
 * What `astro build` does to an output folder, in small: the build-record integration's hooks
 * around a build that writes every page whose text changed or that is missing, keeps a page in
 * place when it is there with the same text (Astro's incremental build takes it for unchanged),
 * writes every other file (scripts, public files, headers) anew every time, and leaves Astro's manifest changed in the cache.
 * Resolves with the pages it wrote.
 */
export async function fakeAstroBuild(outDir: string, cacheDir: string, site: SiteFiles): Promise<string[]> {
  const call = hooksOf(buildRecord({ managed: LINKED_FOLDERS }));
  await call('astro:config:done', { config: { cacheDir: pathToFileURL(`${cacheDir}/`), outDir: pathToFileURL(`${outDir}/`) } });
  await call('astro:build:start', {});
  const written: string[] = [];
  for (const [path, text] of Object.entries(site)) {
    const file = join(outDir, path);
    if (path.endsWith('.html') && existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(path);
  }
  const manifest = cacheFiles(cacheDir).astroManifest;
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifest, `${existsSync(manifest) ? readFileSync(manifest, 'utf8') : ''}#`);
  const pages = Object.keys(site).filter((path) => path.endsWith('.html'));
  await call('astro:build:done', { dir: pathToFileURL(`${outDir}/`), assets: new Map([['page', pages.map((path) => pathToFileURL(join(outDir, path)))]]) });
  return written;
}

/** The files of the site in `folder`, read through any link. */
export function siteFiles(folder: string): SiteFiles {
  const files: SiteFiles = {};
  const walk = (directory: string, prefix: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = readFileSync(path, 'utf8');
    }
  };
  walk(folder, '');
  return files;
}

/** A small site, different for each `edition`: some pages change, some stay, one comes and one goes. */
export function edition(number: number): SiteFiles {
  return {
    'index.html': `<h1>Startseite, Ausgabe ${number}</h1>`,
    'politik/index.html': '<h1>Politik</h1>',
    'politik/international/artikel/index.html': `<p>Ein Artikel, Fassung ${Math.ceil(number / 2)}</p>`,
    [`politik/artikel-${number}/index.html`]: `<p>Neu in Ausgabe ${number}</p>`,
    'themen/usa/index.html': '<h1>USA</h1>'.repeat(number % 3 + 1),
    [`_astro/app.${number % 2}.js`]: `console.log(${number % 2})`,
    'favicon.svg': '<svg/>',
    _headers: `/*\n  X-Ausgabe: ${number}\n`,
  };
}

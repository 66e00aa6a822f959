import { existsSync, readFileSync } from 'node:fs';
import type { CheerioAPI } from 'cheerio';
import { fileFor } from './dist.ts';

/**
 * `import … from "x"`, `import "x"`, `export … from "x"` and `import("x")`, with a literal
 * address: one built from variables (`${…}`) names no file a reader of the source could know.
 */
const IMPORTS = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`$]+)["'`]|\bimport\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)/g;

const ORIGIN = 'http://site.invalid';

/**
 * All the JavaScript a built page runs: its inline scripts and the files it loads, the modules
 * those import included, however deep. Files are site paths (e.g. `/_astro/x.js`).
 */
export function pageJavaScript($: CheerioAPI, pagePath: string): { inline: string[]; files: string[] } {
  const scripts = $('script:not([type="application/ld+json"])').toArray();
  const inline = scripts.filter((script) => !$(script).attr('src')).map((script) => $(script).text());
  const files = new Set<string>();
  const load = (address: string, from: string) => {
    const path = new URL(address, new URL(from, ORIGIN)).pathname;
    if (files.has(path)) return;
    files.add(path);
    if (!existsSync(fileFor(path))) throw new Error(`${from} loads ${path}, which the built site does not have`);
    loadImports(readFileSync(fileFor(path), 'utf8'), path);
  };
  const loadImports = (source: string, from: string) => {
    for (const [, staticImport, dynamicImport] of source.matchAll(IMPORTS)) load(staticImport ?? dynamicImport, from);
  };
  for (const script of scripts) if ($(script).attr('src')) load($(script).attr('src')!, pagePath);
  for (const link of $('link[rel="modulepreload"]').toArray()) load($(link).attr('href')!, pagePath);
  for (const source of inline) loadImports(source, pagePath);
  return { inline, files: [...files] };
}

/** The code of all the JavaScript a built page runs (see pageJavaScript), a piece per script or file. */
export function pageJavaScriptSources($: CheerioAPI, pagePath: string): string[] {
  const { inline, files } = pageJavaScript($, pagePath);
  return [...inline, ...files.map((file) => readFileSync(fileFor(file), 'utf8'))];
}

/**
 * The components and layouts that ship a script, each with what its script alone holds, which
 * minifying keeps, so that it tells the script in a built page: the selector it looks up first,
 * or for the layout, which looks up nothing, the one call it makes.
 */
export const SCRIPT_MODULES = {
  AdLoader: '[data-ad-slot]',
  BaseLayout: 'documentElement.getBoundingClientRect',
  KeepButton: '[data-keeper]',
  KeptArticles: '[data-shelf-status]',
  KeptLink: '[data-kept-link]',
  ListenButton: '[data-listener]',
  ShareButton: '[data-sharer]',
} as const;

/**
 * The modules a built page's scripts are, by SCRIPT_MODULES, sorted: each script the page runs
 * itself (inline or a file), named by the one module whose marker it holds, or as
 * "unknown script" when it holds none or several, so that nothing unaccounted for passes.
 */
export function pageModules($: CheerioAPI, pagePath: string): string[] {
  const scripts = $('script:not([type="application/ld+json"])').toArray();
  return scripts
    .map((script) => {
      const src = $(script).attr('src');
      const code = src ? readFileSync(fileFor(new URL(src, new URL(pagePath, ORIGIN)).pathname), 'utf8') : $(script).text();
      const named = Object.entries(SCRIPT_MODULES).filter(([, marker]) => code.includes(marker));
      return named.length === 1 ? named[0][0] : 'unknown script';
    })
    .sort();
}

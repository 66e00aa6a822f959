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

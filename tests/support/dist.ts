import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { BUILT_SITE } from './build-site.ts';

export const ARTICLE_PATH = '/politik/international/xi-und-putin-sprechen-per-videoschalte/';

/** The file a static host serves for a site path. */
export function fileFor(path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]);
  return join(BUILT_SITE, clean.endsWith('/') ? `${clean}index.html` : clean);
}

export const pageExists = (path: string) => existsSync(fileFor(path));

export function loadPage(path: string): CheerioAPI {
  return load(readFileSync(fileFor(path), 'utf8'));
}

/** Text as a reader sees it: runs of white space are one space. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

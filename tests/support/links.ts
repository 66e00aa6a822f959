import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

/** Every URL a page points at: links, images, sources, scripts, styles and share images. */
function referencesIn(html: string): string[] {
  const $ = load(html);
  const urls = [
    ...$('a[href], link[href]').toArray().map((element) => $(element).attr('href')!),
    ...$('img[src], script[src]').toArray().map((element) => $(element).attr('src')!),
    ...$('meta[property="og:image"], meta[property="og:url"], meta[property="article:author"]').toArray().map((element) => $(element).attr('content')!),
  ];
  const srcsets = $('img[srcset], source[srcset]').toArray().map((element) => $(element).attr('srcset')!);
  for (const srcset of srcsets) urls.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]));
  return urls;
}

export const htmlPages = (dist: string) => readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

/**
 * Checks every reference on every page of a built site against the files in it. Returns the
 * broken ones and how many were checked, so a check that found nothing to check shows.
 */
export function brokenReferences(dist: string, site: string, base: string) {
  const origin = new URL(site).origin;
  const broken: string[] = [];
  let checked = 0;
  for (const page of htmlPages(dist)) {
    const from = new URL(`${base}${page.replace(/index\.html$/, '')}`, origin);
    for (const reference of referencesIn(readFileSync(join(dist, page), 'utf8'))) {
      if (/^(mailto|tel):/.test(reference) || reference.startsWith('#')) continue;
      const url = new URL(reference, from);
      if (url.origin !== origin) continue;
      checked++;
      if (!url.pathname.startsWith(base)) {
        broken.push(`${page}: ${reference} is outside the base ${base}`);
        continue;
      }
      const path = decodeURIComponent(url.pathname.slice(base.length));
      const file = join(dist, path === '' || path.endsWith('/') ? `${path}index.html` : path);
      if (!existsSync(file)) broken.push(`${page}: ${reference} has no file ${file}`);
    }
  }
  return { broken, checked };
}

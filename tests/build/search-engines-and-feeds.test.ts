import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PUBLISHER_LOGO } from '../../src/consts.ts';
import { BUILT_SITE, SITE_URL, SUB_PATH, SUB_PATH_SITE } from '../support/build-site.ts';
import { ARTICLE_PATH, loadPage } from '../support/dist.ts';
import { headersFor } from '../support/headers-file.ts';
import { xmlProblems } from '../support/xml.ts';

const ARTICLE_URL = `${SITE_URL}${ARTICLE_PATH}`;
const read = (file: string, dist = BUILT_SITE) => readFileSync(join(dist, file), 'utf8');
/** The file behind one of our absolute URLs. */
const fileOf = (url: string) => join(BUILT_SITE, new URL(url).pathname.replace(/\/$/, '/index.html'));

/** Parses XML after checking it is well-formed, one root, so a broken feed fails here, not in a reader. */
function parseXml(file: string) {
  const xml = read(file);
  expect(xmlProblems(xml)).toEqual([]);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item', 'dc:creator', 'category'].includes(name) }).parse(xml);
}

describe('every XML file of the site', () => {
  it.each([BUILT_SITE, SUB_PATH_SITE])('is well-formed to a parser as strict as a feed reader’s, in %s', (dist) => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.xml'));
    expect(files).toEqual(expect.arrayContaining(['feed.xml', 'news-sitemap.xml', 'sitemap-index.xml', 'sitemap-0.xml']));
    expect(Object.fromEntries(files.map((file) => [file, xmlProblems(read(file, dist))]))).toEqual(Object.fromEntries(files.map((file) => [file, []])));
  });
});

describe('the article page for search engines and link previews', () => {
  const $ = loadPage(ARTICLE_PATH);
  const meta = (property: string) => $(`meta[property="${property}"], meta[name="${property}"]`).toArray().map((element) => $(element).attr('content'));
  const jsonLd = $('script[type="application/ld+json"]').toArray().map((script) => JSON.parse($(script).text()));
  const article = jsonLd.find((data) => data['@type'] === 'NewsArticle');
  const breadcrumbs = jsonLd.find((data) => data['@type'] === 'BreadcrumbList');

  it('has canonical URL, description, Open Graph and Twitter card', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(ARTICLE_URL);
    expect(meta('description')[0]).toMatch(/^Der chinesische Staatschef Xi Jinping/);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual([ARTICLE_URL]);
    expect(meta('og:locale')).toEqual(['de_DE']);
    expect(meta('article:section')).toEqual(['International']);
    expect(meta('article:tag')).toEqual(['Russland', 'Außenpolitik', 'USA', 'Ukraine']);
    expect(meta('article:modified_time')).toEqual(['2025-01-21T14:44:00.000Z']);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
    expect(existsSync(fileOf(meta('og:image')[0]!))).toBe(true);
  });

  it('claims no publication time the source does not give', () => {
    expect(meta('article:published_time')).toEqual([]);
    expect(article).not.toHaveProperty('datePublished');
  });

  it('describes itself as a NewsArticle with every field search engines read', async () => {
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Diplomatie: Xi und Putin sprechen per Videoschalte',
      url: ARTICLE_URL,
      dateModified: '2025-01-21T14:44:00.000Z',
      articleSection: 'International',
      keywords: ['Russland', 'Außenpolitik', 'USA', 'Ukraine'],
      isAccessibleForFree: true,
      inLanguage: 'de-DE',
      publisher: { '@type': 'Organization', name: 'Zeitungsleser', logo: { '@type': 'ImageObject', width: 600, height: 60 } },
    });
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Sabine Gusbeth', url: `${SITE_URL}/autoren/sabine-gusbeth/` },
      { '@type': 'Person', name: 'Mareike Müller', url: `${SITE_URL}/autoren/mareike-mueller/` },
      { '@type': 'Person', name: 'Jana-Sophie Brüntjen', url: `${SITE_URL}/autoren/jana-sophie-bruentjen/` },
    ]);
    for (const author of article.author) expect(existsSync(fileOf(author.url))).toBe(true);
    const [image] = article.image;
    expect(image).toMatchObject({ width: 1200, height: 675 });
    expect(await sharp(fileOf(image.url)).metadata()).toMatchObject({ width: 1200, height: 675, format: 'jpeg' });
    const logo = await sharp(fileOf(article.publisher.logo.url)).metadata();
    expect({ width: logo.width, height: logo.height }).toEqual({ width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height });
  });

  it('carries its breadcrumb as a BreadcrumbList', () => {
    expect(breadcrumbs.itemListElement.map((item: { name: string; item: string; position: number }) => [item.position, item.name, item.item])).toEqual([
      [1, 'Startseite', `${SITE_URL}/`],
      [2, 'Politik', `${SITE_URL}/politik/`],
      [3, 'International', `${SITE_URL}/politik/international/`],
      [4, 'Diplomatie: Xi und Putin sprechen per Videoschalte', ARTICLE_URL],
    ]);
  });
});

describe('listings', () => {
  it.each(['/', '/politik/', '/politik/international/', '/themen/russland/', '/themen/aussenpolitik/', '/themen/usa/', '/themen/ukraine/', '/autoren/sabine-gusbeth/', '/autoren/mareike-mueller/', '/autoren/jana-sophie-bruentjen/'])(
    '%s lists the article',
    (path) => {
      const $ = loadPage(path);
      expect($(`main a[href="${ARTICLE_PATH}"]`).length).toBeGreaterThan(0);
      expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE_URL}${path}`);
    },
  );

  it('keeps the 404 and placeholder pages out of search engines', () => {
    for (const path of ['/404.html', '/impressum/', '/datenschutz/']) {
      const $ = loadPage(path);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
      expect($('link[rel="canonical"]')).toHaveLength(0);
    }
    expect(loadPage('/404.html')('h1').text()).toBe('Seite nicht gefunden');
  });
});

describe('sitemaps, feed and robots.txt', () => {
  it('the sitemap index names the page sitemap and the news sitemap', () => {
    const index = parseXml('sitemap-index.xml');
    const sitemaps = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(sitemaps).toEqual(expect.arrayContaining([`${SITE_URL}/sitemap-0.xml`, `${SITE_URL}/news-sitemap.xml`]));
    const pages = parseXml('sitemap-0.xml').urlset.url.map((entry: { loc: string }) => entry.loc);
    expect(pages).toContain(ARTICLE_URL);
    expect(pages).toContain(`${SITE_URL}/themen/usa/`);
    expect(pages.some((url: string) => url.includes('404'))).toBe(false);
  });

  it('the Google News sitemap carries the article with date, title and language', () => {
    const [entry] = parseXml('news-sitemap.xml').urlset.url;
    expect(entry.loc).toBe(ARTICLE_URL);
    expect(entry['news:news']).toEqual({
      'news:publication': { 'news:name': 'Zeitungsleser', 'news:language': 'de' },
      'news:publication_date': '2025-01-21T14:44:00.000Z',
      'news:title': 'Diplomatie: Xi und Putin sprechen per Videoschalte',
    });
  });

  it('the RSS feed carries the article with its full lead, authors and topics', () => {
    const feed = parseXml('feed.xml');
    expect(feed.rss.channel.language).toBe('de-DE');
    const [item] = feed.rss.channel.item;
    expect(item.title).toBe('Diplomatie: Xi und Putin sprechen per Videoschalte');
    expect(item.link).toBe(ARTICLE_URL);
    expect(item.description).toBe(
      'Der chinesische Staatschef Xi Jinping und der russische Präsident Wladimir Putin inszenieren ihre enge Verbindung – mit einer Videokonferenz nur kurz nach Trumps Amtseinführung.',
    );
    expect(item['dc:creator']).toEqual(['Sabine Gusbeth', 'Mareike Müller', 'Jana-Sophie Brüntjen']);
    expect(item.category).toEqual(['Russland', 'Außenpolitik', 'USA', 'Ukraine']);
    expect(new Date(item.pubDate).toISOString()).toBe('2025-01-21T14:44:00.000Z');
  });

  it('robots.txt names both sitemaps, also under a sub-path', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml\nSitemap: ${SITE_URL}/news-sitemap.xml`);
    expect(read('robots.txt', SUB_PATH_SITE)).toContain(`Sitemap: ${SITE_URL}${SUB_PATH}sitemap-index.xml`);
  });
});

describe('what the CDN and the browser get', () => {
  it('_headers caches hashed assets for a year and everything else for minutes, under the base', () => {
    expect(headersFor(read('_headers'), '/politik/')['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(headersFor(read('_headers'), '/_astro/x.avif')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(read('_headers', SUB_PATH_SITE), `${SUB_PATH}_astro/x.avif`)['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('_headers sends a script policy without unsafe-inline, and the other protections', () => {
    const headers = headersFor(read('_headers'), '/politik/international/');
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[\w+/=]+')+;/);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
    expect(headers['permissions-policy']).toContain('camera=()');
  });

  it('has a favicon and a web manifest that start where the site lives', () => {
    expect(existsSync(join(BUILT_SITE, 'favicon.svg'))).toBe(true);
    expect(JSON.parse(read('manifest.webmanifest'))).toMatchObject({ lang: 'de', start_url: '/' });
    expect(JSON.parse(read('manifest.webmanifest', SUB_PATH_SITE))).toMatchObject({ start_url: SUB_PATH, icons: [{ src: `${SUB_PATH}favicon.svg` }] });
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesBuilt, productionBuildIn } from '../support/astro-cli.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { squash } from '../support/dist.ts';
import { brokenReferences } from '../support/links.ts';
import { copySite } from '../support/site-copy.ts';
import { serveStatic } from '../support/static-server.ts';
import { hoursAfterFebruary, writeTestArticle } from '../support/test-articles.ts';

/** 244 generated articles plus the real one: a front of 20 and archive pages of 100, 100 and 25. */
const GENERATED = 244;
const ARTICLE_PATH = 'politik/international/xi-und-putin-sprechen-per-videoschalte';

const copy = copySite();
const page = (path: string) => load(readFileSync(join(copy.root, 'dist', path, 'index.html'), 'utf8'));
const headlines = (path: string) => {
  const $ = page(path);
  return $('main li h2 a').toArray().map((link) => squash($(link).text()));
};
/** Parts of about forty articles each, so this newsroom's search index comes in several. */
const build = async () => (await productionBuildIn(copy.root, { SEARCH_SHARD_SIZE: '40' }), pagesBuilt(join(copy.root, 'dist')));
const searchIndexParts = () => JSON.parse(readFileSync(join(copy.root, 'dist/pagefind/teile.json'), 'utf8')) as string[];
const storedParts = () => new Set(readdirSync(join(copy.root, '.cache/astro/search-index')));

/** Testartikel 5 was updated half an hour after it came out. */
const writeArticle = (index: number) =>
  writeTestArticle(copy.root, index, index === 5 ? `published: ${hoursAfterFebruary(5)}\nupdated: ${hoursAfterFebruary(5.5)}` : undefined);
const testArticles = (...numbers: number[]) => numbers.map((number) => `Diplomatie: Testartikel ${number}`);
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, index) => from - index);

let firstBuild: ReturnType<typeof pagesBuilt>;
const UNKEYED = [
  '404.html', 'abo/index.html', 'datenschutz/index.html', 'feed.xml', 'gemerkt/index.html', 'impressum/index.html', 'index.html',
  'manifest.webmanifest', 'news-sitemap.xml', 'newsletter/index.html', 'offline/index.html', 'robots.txt', 'speculation-rules.json',
  'suche/index.html',
];

beforeAll(async () => {
  for (let index = 1; index <= GENERATED; index++) writeArticle(index);
  const partners = join(copy.root, 'content/partners.yaml');
  writeFileSync(partners, readFileSync(partners, 'utf8').replace('  name: Homeday\n', '  name: Homeday\n  url: https://partner.example/\n'));
  firstBuild = await build();
}, 180_000);

afterAll(() => copy.remove());

describe('a newsroom with many articles', () => {
  it('shows the newest twenty on a section’s front, newest first, with their leads, and links the archive', () => {
    const front = page('politik/international');
    expect(headlines('politik/international')).toEqual(testArticles(...range(244, 225)));
    expect(front('main li p.text-lg')).toHaveLength(20);
    const times = front('main li time').toArray().map((time) => front(time).attr('datetime')!);
    expect(times).toEqual([...times].sort().reverse());
    expect(front('a[rel="next"]').attr('href')).toBe('/politik/international/archiv/3/');
    expect(front('a[rel="prev"]')).toHaveLength(0);
  });

  it('numbers archive pages from the oldest, so the first lists the first hundred articles ever by headline', () => {
    const oldest = page('politik/international/archiv/1');
    expect(headlines('politik/international/archiv/1')).toEqual([...testArticles(...range(99, 1)), 'Diplomatie: Xi und Putin sprechen per Videoschalte']);
    expect(oldest('main li p.text-lg')).toHaveLength(0);
    expect(oldest('h1').text()).toBe('International');
    expect(oldest('main > p').first().text()).toBe('Archiv, Seite 1: Artikel vom 21.01.2025 bis 05.02.2025');
    expect(oldest('title').text()).toBe('International: Archiv, Seite 1 | Zeitungsleser');
    expect(oldest('a[rel="prev"]').attr('href')).toBe('/politik/international/archiv/2/');
    expect(oldest('a[rel="next"]')).toHaveLength(0);
    expect(oldest('nav[aria-label="Brotkrümelnavigation"] a').toArray().map((link) => oldest(link).attr('href'))).toContain('/politik/international/');

    const newest = page('politik/international/archiv/3');
    expect(headlines('politik/international/archiv/3')).toEqual(testArticles(...range(224, 200)));
    expect(newest('a[rel="prev"]').attr('href')).toBe('/politik/international/');
    expect(newest('a[rel="next"]').attr('href')).toBe('/politik/international/archiv/2/');
    expect(existsSync(join(copy.root, 'dist/politik/international/archiv/4'))).toBe(false);
    expect(page('themen/usa/archiv/1')('main li h2')).toHaveLength(100);
    expect(page('autoren/sabine-gusbeth/archiv/3')('main li h2')).toHaveLength(GENERATED + 1 - 220);
  });

  it('shows on archive pages when an article came out, as they are ordered by that, not its later update', () => {
    const $ = page('politik/international/archiv/1');
    const times = $('main li')
      .toArray()
      .map((item) => [squash($(item).find('h2').text()), squash($(item).find('p').text())]);
    expect(times).toContainEqual(['Diplomatie: Testartikel 5', '01.02.2025 - 05:00 Uhr']);
    expect(times).toContainEqual(['Diplomatie: Testartikel 6', '01.02.2025 - 06:00 Uhr aktualisiert']);
    // The article page itself shows the update.
    expect(squash(page('politik/international/testartikel-5')('article time').first().parent().text())).toBe('01.02.2025 - 05:30 Uhr aktualisiert');
  });

  it('makes the newest article the lead story and archives what follows the newest twenty', () => {
    const home = page('.');
    expect(home('main article h2').first().text().replace(/\s+/g, ' ').trim()).toBe(`Diplomatie: Testartikel ${GENERATED}`);
    expect(home('#neueste + ol > li h2').toArray().map((h2) => home(h2).text().replace(/\s+/g, ' ').trim())).toEqual(testArticles(...range(243, 224)));
    expect(home('a[rel="next"]').attr('href')).toBe('/archiv/3/');
    expect(headlines('archiv/3')).toEqual(testArticles(...range(223, 200)));
    expect(page('archiv/1')('main li h2')).toHaveLength(100);
  });

  it('feeds the newest fifty articles, and gives Google News those of the two days before the newest', () => {
    const text = (file: string) => readFileSync(join(copy.root, 'dist', file), 'utf8');
    const titles = [...text('feed.xml').matchAll(/<item><title>(.*?)<\/title>/g)].map(([, title]) => title);
    expect(titles).toEqual(range(GENERATED, GENERATED - 49).map((number) => `Diplomatie: Testartikel ${number}`));
    // Testartikel n came out n hours after the first: 48 hours before the newest is number 196.
    const news = [...text('news-sitemap.xml').matchAll(/<loc>[^<]*\/testartikel-(\d+)\/<\/loc>/g)].map(([, number]) => Number(number));
    expect(news).toEqual(range(GENERATED, GENERATED - 48));
  });

  it('leaves no internal link broken', () => {
    const { broken, checked } = brokenReferences(join(copy.root, 'dist'), 'https://zeitungsleser.example', '/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('links a partner with an address as sponsored', () => {
    const link = page(ARTICLE_PATH)('[data-partner="homeday"] a');
    expect(link.attr('href')).toBe('https://partner.example/');
    expect(link.attr('rel')).toBe('sponsored noopener');
  });

  it('splits the search index into parts, each a complete Pagefind bundle', async () => {
    const parts = searchIndexParts();
    expect(parts.length).toBeGreaterThan(2);
    for (const folder of ['', ...parts]) expect(existsSync(join(copy.root, 'dist/pagefind', folder, 'pagefind-entry.json'))).toBe(true);
  });

  it.runIf(chromiumAvailable())('searches all parts of the index at once in the browser', async () => {
    const [browser, server] = await Promise.all([launchChromium(), serveStatic(join(copy.root, 'dist'))]);
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/suche/?q=Gabuev`);
      await expect
        .poll(() => page.locator('[data-search-status]').textContent(), { timeout: 30_000 })
        .toBe(`${GENERATED + 1} Treffer für „Gabuev“, die 20 besten sind aufgeführt`);
      expect(await page.locator('[data-search-results] li').count()).toBe(20);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([browser.close(), server.close()]);
    }
  });
});

// `npm run build` builds into a staging folder and swaps it in: these run it as users do.
describe('npm run build in a newsroom', () => {
  it('renders every page the first time, and with nothing changed copies every page that has a cache key', async () => {
    expect(firstBuild.restored).toEqual([]);
    expect(firstBuild.rendered.length).toBeGreaterThan(GENERATED + 30);
    const again = await build();
    // Pages without getStaticPaths have no cache key: the home page, the pages without data, feed and sitemaps.
    expect(again.rendered.sort()).toEqual(UNKEYED);
    expect(again.restored.length + again.rendered.length).toBe(firstBuild.rendered.length);
  });

  it('renders a bounded set of pages for a new article and leaves full archive pages as they were', async () => {
    const full = ['archiv/1', 'archiv/2'].map((archive) => `politik/international/${archive}/index.html`);
    const before = full.map((path) => readFileSync(join(copy.root, 'dist', path)));
    writeArticle(GENERATED + 1);
    const { rendered, restored } = await build();
    expect(rendered).toContain(`politik/international/testartikel-${GENERATED + 1}/index.html`);
    expect(rendered).toContain('politik/international/archiv/3/index.html');
    expect(restored).toEqual(expect.arrayContaining(full));
    expect(rendered.length).toBeLessThanOrEqual(40);
    expect(full.map((path) => readFileSync(join(copy.root, 'dist', path)))).toEqual(before);
    expect(headlines('politik/international')[0]).toBe(`Diplomatie: Testartikel ${GENERATED + 1}`);
  });

  it('indexes again only the part of the search index whose article changed', async () => {
    const before = storedParts();
    const file = join(copy.root, 'content/articles/testartikel-7.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ihre enge Beziehung', 'ihre sehr enge Beziehung'));
    const { rendered } = await build();
    const after = storedParts();
    expect(after.size).toBe(before.size);
    expect([...after].filter((name) => !before.has(name))).toHaveLength(1);
    expect(rendered).toContain('politik/international/testartikel-7/index.html');
    expect(rendered.length).toBeLessThanOrEqual(40);
  });

  it('keeps in the site exactly the parts the index has, when it comes in fewer', async () => {
    const before = searchIndexParts();
    await productionBuildIn(copy.root, { SEARCH_SHARD_SIZE: '80' });
    const after = searchIndexParts();
    expect(after.length).toBeLessThan(before.length);
    const folders = readdirSync(join(copy.root, 'dist/pagefind')).filter((name) => name.startsWith('teil-'));
    expect(folders.sort()).toEqual(after.map((folder) => folder.replace(/\/$/, '')).sort());
  });
});

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { chromiumAvailable, launchChromium } from '../support/browser.ts';
import { brokenReferences } from '../support/links.ts';
import { copySite } from '../support/site-copy.ts';
import { serveStatic } from '../support/static-server.ts';

const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
/** 45 generated articles plus the real one: three listing pages of 20, 20 and 6. */
const GENERATED = 45;

const copy = copySite();
const page = (path: string) => load(readFileSync(join(copy.root, 'dist', path, 'index.html'), 'utf8'));
/** Parts of about ten articles each, so this newsroom's search index comes in several. */
const build = () => astroBuildIn(copy.root, { SEARCH_SHARD_SIZE: '10' });
const searchIndexParts = () => JSON.parse(readFileSync(join(copy.root, 'dist/pagefind/teile.json'), 'utf8')) as string[];
const storedParts = () => new Set(readdirSync(join(copy.root, '.cache/astro/search-index')));

beforeAll(async () => {
  for (let index = 1; index <= GENERATED; index++) {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const source = ARTICLE.replace(/^title: .*$/m, `title: Testartikel ${index}`).replace(
      /^updated: .*$/m,
      `updated: 2025-02-${day}T${String(index % 24).padStart(2, '0')}:00:00+01:00`,
    );
    writeFileSync(join(copy.root, `content/articles/testartikel-${index}.md`), source);
  }
  const partners = join(copy.root, 'content/partners.yaml');
  writeFileSync(partners, readFileSync(partners, 'utf8').replace('  name: Homeday\n', '  name: Homeday\n  url: https://partner.example/\n'));
  await build();
}, 180_000);

afterAll(() => copy.remove());

describe('a newsroom with many articles', () => {
  it('pages every listing, newest first, with working page links', () => {
    const first = page('politik/international');
    const third = page('politik/international/seite/3');
    expect(first('main li > article')).toHaveLength(20);
    expect(third('main li > article')).toHaveLength(GENERATED + 1 - 40);
    expect(first('a[rel="next"]').attr('href')).toBe('/politik/international/seite/2/');
    expect(third('a[rel="prev"]').attr('href')).toBe('/politik/international/seite/2/');
    expect(third('[aria-current="page"]').last().text().replace(/\s+/g, ' ').trim()).toBe('Seite 3 von 3');
    const times = first('main li > article time').toArray().map((time) => first(time).attr('datetime')!);
    expect(times).toEqual([...times].sort().reverse());
    expect(page('themen/usa/seite/3')('main li > article').length).toBeGreaterThan(0);
    expect(page('autoren/sabine-gusbeth/seite/2')('main li > article')).toHaveLength(20);
  });

  it('shows the newest as the lead story and pages the rest from the home page', () => {
    const home = page('.');
    expect(home('main article h2').first().text()).toContain('Testartikel');
    expect(home('#neueste + ol > li')).toHaveLength(20);
    expect(page('seite/3')('main li > article')).toHaveLength(GENERATED - 40);
  });

  it('leaves no internal link broken', () => {
    const { broken, checked } = brokenReferences(join(copy.root, 'dist'), 'https://zeitungsleser.example', '/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('links a partner with an address as sponsored', () => {
    const link = page('politik/international/xi-und-putin-sprechen-per-videoschalte')('[data-partner="homeday"] a');
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
        .poll(() => page.locator('[data-search-status]').textContent(), { timeout: 10_000 })
        .toBe(`${GENERATED + 1} Treffer für „Gabuev“, die 20 besten sind aufgeführt`);
      expect(await page.locator('[data-search-results] li').count()).toBe(20);
      expect(errors).toEqual([]);
    } finally {
      await Promise.all([browser.close(), server.close()]);
    }
  });

  it('indexes again only the part of the search index whose article changed', async () => {
    const before = storedParts();
    const file = join(copy.root, 'content/articles/testartikel-7.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ihre enge Beziehung', 'ihre sehr enge Beziehung'));
    await build();
    const after = storedParts();
    expect(after.size).toBe(before.size);
    expect([...after].filter((name) => !before.has(name))).toHaveLength(1);
  });
});

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn, pagesBuilt } from '../support/astro-cli.ts';
import { htmlPages } from '../support/links.ts';
import { copySite } from '../support/site-copy.ts';

const ARTICLE_FILE = 'content/articles/xi-und-putin-sprechen-per-videoschalte.md';
const ARTICLE_PAGE = 'politik/international/xi-und-putin-sprechen-per-videoschalte/index.html';
const AUTHOR_PAGE = 'autoren/sabine-gusbeth/index.html';

const copy = copySite();
afterAll(() => copy.remove());

const page = (path: string) => readFileSync(join(copy.root, 'dist', path), 'utf8');
const pagesShowing = (text: string) => htmlPages(join(copy.root, 'dist')).filter((path) => page(path).includes(text));
const edit = (file: string, from: string, to: string) => {
  const path = join(copy.root, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};
/** Builds the copy and returns the pages Astro copied from the last build instead of rendering. */
async function build(env: Record<string, string> = {}) {
  await astroBuildIn(copy.root, env);
  return new Set(pagesBuilt(join(copy.root, 'dist')).restored);
}

// Pages whose data is unchanged are copied from the last build (Astro's incremental builds):
// these tests make sure a change to anything a reader sees still reaches every page showing it.
describe('a rebuild', () => {
  it('copies every keyed page when nothing changed, byte for byte', async () => {
    const first = await build();
    expect(first.size).toBe(0);
    const before = [page(ARTICLE_PAGE), page(AUTHOR_PAGE)];
    const store = () => statSync(join(copy.root, '.cache/astro/data-store.json')).mtimeMs;
    const storeWritten = store();
    const reused = await build();
    expect(reused).toContain(ARTICLE_PAGE);
    expect(reused).toContain(AUTHOR_PAGE);
    expect([page(ARTICLE_PAGE), page(AUTHOR_PAGE)]).toEqual(before);
    // Nothing changed in the content, so its store (tens of megabytes in an archive) is not written again.
    expect(store()).toBe(storeWritten);
  });

  // Each change on its own: one that re-renders a page must not hide another that fails to.
  it('renders a corrected author name on every page showing it', async () => {
    const showing = pagesShowing('Sabine Gusbeth');
    expect(showing).toEqual(expect.arrayContaining([ARTICLE_PAGE, AUTHOR_PAGE]));
    edit('content/authors.yaml', 'name: Sabine Gusbeth', 'name: Sabine Gusbeth-Probe');
    const reused = await build();
    for (const path of showing) {
      expect(reused, path).not.toContain(path);
      expect(page(path), path).toContain('Sabine Gusbeth-Probe');
    }
  });

  it('renders a corrected headline on every page showing it', async () => {
    const showing = pagesShowing('Xi und Putin sprechen per Videoschalte');
    expect(showing).toEqual(expect.arrayContaining([ARTICLE_PAGE, AUTHOR_PAGE, 'themen/usa/index.html', 'politik/index.html', 'index.html']));
    edit(ARTICLE_FILE, 'title: Xi und Putin sprechen per Videoschalte', 'title: Xi und Putin sprechen per Video');
    const reused = await build();
    for (const path of showing) {
      expect(reused, path).not.toContain(path);
      expect(page(path), path).toContain('Xi und Putin sprechen per Video<');
      expect(page(path), path).not.toContain('Xi und Putin sprechen per Videoschalte');
    }
  });

  it('renders a corrected body', async () => {
    edit(ARTICLE_FILE, 'in einem Telefonat ihre enge Beziehung', 'in einem Telefonat ihre besonders enge Beziehung');
    const reused = await build();
    expect(reused).not.toContain(ARTICLE_PAGE);
    expect(page(ARTICLE_PAGE)).toContain('ihre besonders enge Beziehung');
  });

  it('renders a changed house ad on the pages showing it', async () => {
    edit('content/house-ads.yaml', 'headline: Newsletter abonnieren', 'headline: Newsletter bestellen');
    const reused = await build();
    expect(reused).not.toContain(ARTICLE_PAGE);
    expect(page(ARTICLE_PAGE)).toContain('>Newsletter bestellen<');
  });

  it('takes a house ad off an unchanged page once its end has passed', async () => {
    edit('content/house-ads.yaml', 'link: /newsletter/', 'link: /newsletter/\n  end: 2030-01-01T00:00:00+01:00');
    await build({ SOURCE_DATE_EPOCH: String(Date.parse('2029-12-31T22:59:59Z') / 1000) });
    expect(page(ARTICLE_PAGE)).toContain('data-house-ad="newsletter"');
    const reused = await build({ SOURCE_DATE_EPOCH: String(Date.parse('2029-12-31T23:00:00Z') / 1000) });
    expect(reused).not.toContain(ARTICLE_PAGE);
    expect(page(ARTICLE_PAGE)).not.toContain('data-house-ad="newsletter"');
  });
});

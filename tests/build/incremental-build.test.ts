import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { copySite } from '../support/site-copy.ts';

const ARTICLE_FILE = 'content/articles/xi-und-putin-sprechen-per-videoschalte.md';
const ARTICLE_PAGE = 'politik/international/xi-und-putin-sprechen-per-videoschalte/index.html';
const AUTHOR_PAGE = 'autoren/sabine-gusbeth/index.html';

const copy = copySite();
afterAll(() => copy.remove());

const page = (path: string) => readFileSync(join(copy.root, 'dist', path), 'utf8');
const edit = (file: string, from: string, to: string) => {
  const path = join(copy.root, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};
/** Builds the copy and returns the pages Astro copied from the last build instead of rendering. */
async function build(env: Record<string, string> = {}) {
  const { stdout } = await astroBuildIn(copy.root, env);
  return new Set([...stripVTControlCharacters(stdout).matchAll(/─ \/(\S+) \((?:restored|cached)\)/g)].map(([, path]) => path));
}

// Pages whose data is unchanged are copied from the last build (Astro's incremental builds):
// these tests make sure a change to anything a reader sees still reaches every page showing it.
describe('a rebuild', () => {
  it('copies every keyed page when nothing changed, byte for byte', async () => {
    const first = await build();
    expect(first.size).toBe(0);
    const before = [page(ARTICLE_PAGE), page(AUTHOR_PAGE)];
    const reused = await build();
    expect(reused).toContain(ARTICLE_PAGE);
    expect(reused).toContain(AUTHOR_PAGE);
    expect([page(ARTICLE_PAGE), page(AUTHOR_PAGE)]).toEqual(before);
  });

  it('renders a corrected body, headline and author name everywhere they appear', async () => {
    edit(ARTICLE_FILE, 'in einem Telefonat ihre enge Beziehung', 'in einem Telefonat ihre besonders enge Beziehung');
    edit(ARTICLE_FILE, 'title: Xi und Putin sprechen per Videoschalte', 'title: Xi und Putin sprechen per Video');
    edit('content/authors.yaml', 'name: Sabine Gusbeth', 'name: Sabine Gusbeth-Probe');
    const reused = await build();
    expect(reused).not.toContain(ARTICLE_PAGE);
    expect(reused).not.toContain(AUTHOR_PAGE);
    expect(page(ARTICLE_PAGE)).toContain('ihre besonders enge Beziehung');
    expect(page(ARTICLE_PAGE)).toContain('Sabine Gusbeth-Probe');
    for (const path of [ARTICLE_PAGE, AUTHOR_PAGE, 'themen/usa/index.html', 'politik/index.html']) {
      expect(page(path)).toContain('Xi und Putin sprechen per Video<');
    }
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

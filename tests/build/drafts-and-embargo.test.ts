import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { copySite } from '../support/site-copy.ts';
import { filesMentioning, fingerprint } from '../support/site-files.ts';
import { addUnpublishedArticles, AT_RELEASE, BEFORE_RELEASE, DRAFT, EMBARGOED, REAL_ARTICLE } from '../support/unpublished-articles.ts';

// One copy is built before the embargo ends and again, with its caches, once it has ended, as a
// scheduled build would; another is built once, cold, at the end of the embargo.
const scheduled = copySite();
const cold = copySite();
const REAL_PAGE = 'politik/international/xi-und-putin-sprechen-per-videoschalte/index.html';
const build = (root: string, epoch: string) => astroBuildIn(root, { SOURCE_DATE_EPOCH: epoch }).then(({ stdout, stderr }) => stdout + stderr);
const dist = (root: string) => join(root, 'dist');
const text = (root: string, file: string) => readFileSync(join(dist(root), file), 'utf8');
const traces = (article: typeof DRAFT) => [article.slug, article.title];

let printedBefore = '';

beforeAll(async () => {
  addUnpublishedArticles(scheduled.root);
  addUnpublishedArticles(cold.root);
  [printedBefore] = await Promise.all([build(scheduled.root, BEFORE_RELEASE), build(cold.root, AT_RELEASE)]);
}, 180_000);

afterAll(() => {
  scheduled.remove();
  cold.remove();
});

describe('a build before the embargo ends', () => {
  it('leaves the draft and the embargoed article out of every file of dist/, search index and XML included', () => {
    expect(Object.keys(fingerprint(dist(scheduled.root)))).toEqual(expect.arrayContaining(['/feed.xml', '/news-sitemap.xml', '/sitemap-0.xml', '/pagefind/pagefind-entry.json']));
    expect(filesMentioning(dist(scheduled.root), [...traces(DRAFT), ...traces(EMBARGOED)])).toEqual({});
  });

  it('shows the teasers of both in the real article without a link', () => {
    const $ = load(text(scheduled.root, REAL_PAGE));
    expect($('a[href*="testentwurf"], a[href*="testsperrfrist"]')).toHaveLength(0);
    const unlinked = $('#mehr-zum-thema + ul li').filter((_index, item) => $(item).text().includes('Dieser Artikel ist hier nicht verfügbar.'));
    expect(unlinked).toHaveLength(2);
  });

  it('says which articles it left out, and warns at the teasers pointing at them', () => {
    expect(printedBefore).toContain(`content/articles/${DRAFT.slug}.md: Entwurf; left out of this build`);
    expect(printedBefore).toContain(`content/articles/${EMBARGOED.slug}.md: Sperrfrist bis 22.01.2025 - 06:00 Uhr; left out of this build`);
    expect(printedBefore).toMatch(new RegExp(`${REAL_ARTICLE}:\\d+: related\\[1\\]\\.article: "${DRAFT.slug}" is not published \\(Entwurf\\)`));
    expect(printedBefore).not.toContain('was not found');
  });
});

describe('the next scheduled build, once the embargo has ended', () => {
  beforeAll(() => build(scheduled.root, AT_RELEASE), 180_000);

  it('publishes the article: its page, listings, feed, sitemaps, search index and teaser link', () => {
    expect(existsSync(join(dist(scheduled.root), EMBARGOED.path, 'index.html'))).toBe(true);
    const mentioning = Object.keys(filesMentioning(dist(scheduled.root), traces(EMBARGOED)));
    expect(mentioning).toEqual(
      expect.arrayContaining([
        `${EMBARGOED.path}index.html`,
        '/index.html',
        '/politik/international/index.html',
        '/feed.xml',
        '/news-sitemap.xml',
        '/sitemap-0.xml',
        expect.stringMatching(/^\/pagefind\/fragment\//),
      ]),
    );
    expect(load(text(scheduled.root, REAL_PAGE))(`a[href="${EMBARGOED.path}"]`).text()).toContain('Jörg Wuttke');
  });

  it('still leaves the draft out of every file', () => {
    expect(filesMentioning(dist(scheduled.root), traces(DRAFT))).toEqual({});
  });

  it('writes byte for byte what a cold build at the same moment writes', () => {
    expect(fingerprint(dist(scheduled.root))).toEqual(fingerprint(dist(cold.root)));
  });
});

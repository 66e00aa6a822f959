import { describe, expect, it } from 'vitest';
import type { AdFormat } from '../../src/lib/ads/formats.ts';
import { type ArticleEntry, articlePages, articleView, type PlacedHouseAd } from '../../src/lib/pages/article-page.ts';
import { createUrls } from '../../src/lib/urls.ts';

const NOW = new Date('2025-01-21T14:44:00Z');
const article = (id: string, section: string, data: Partial<ArticleEntry['data']> = {}, digest = 'fassung-1'): ArticleEntry => ({
  id,
  digest,
  data: { kicker: 'Diplomatie', title: `Artikel ${id}`, lead: 'Ein Vorspann.', section, placed: { ads: [], topics: false }, related: [], ads: { sidebar: false, partners: false }, ...data },
});
const XI = article('xi-und-putin', 'politik/international', {
  placed: { ads: ['article-1', 'article-2'], topics: false },
  related: [
    { id: 'wuttke', kicker: 'Jörg Wuttke', title: 'China-Experte', article: 'wuttke' },
    { id: 'entwurf', kicker: 'Test', title: 'Ein Entwurf', article: 'entwurf' },
    { id: 'ohne', kicker: 'Ohne', title: 'Ohne Artikel' },
  ],
  ads: { sidebar: true, partners: true },
});
const WUTTKE = article('wuttke', 'politik');
const FORMATS = new Map<string, AdFormat>([['article-1', 'medium-rectangle'], ['article-2', 'leaderboard'], ['sidebar', 'half-page']]);
const HOUSE_ADS: PlacedHouseAd[] = [
  { id: 'abo', formats: ['medium-rectangle', 'half-page'], weight: 1, image: { src: 'abo.abc' } },
  { id: 'vorbei', formats: ['leaderboard'], weight: 1, end: new Date('2025-01-01T00:00:00Z'), image: { src: 'vorbei.abc' } },
];

const pagesOf = (overrides: Partial<Parameters<typeof articlePages>[0]> = {}) =>
  articlePages({ articles: [XI, WUTTKE], formats: FORMATS, houseAds: HOUSE_ADS, siteKey: 'haus', now: NOW, ...overrides });
const keyOf = (overrides: Partial<Parameters<typeof articlePages>[0]> = {}) => pagesOf(overrides)[0].cacheKey;

describe('the article pages', () => {
  it('are one per article, under its section and id', () => {
    expect(pagesOf().map((page) => page.params)).toEqual([
      { section: 'politik/international', article: 'xi-und-putin' },
      { section: 'politik', article: 'wuttke' },
    ]);
  });

  it('link a teaser into the section of its article where that article is in the collection, else nowhere', () => {
    expect(pagesOf()[0].props.targetSections).toEqual(['politik', undefined, undefined]);
  });

  it('place their ad slots in page order, the sidebar’s last where it is wanted and exists, each with a house ad that fits and runs', () => {
    const ads = pagesOf()[0].props.ads;
    expect([...ads]).toEqual([
      ['article-1', { format: 'medium-rectangle', houseAd: HOUSE_ADS[0] }],
      ['article-2', { format: 'leaderboard', houseAd: undefined }],
      ['sidebar', { format: 'half-page', houseAd: HOUSE_ADS[0] }],
    ]);
    expect([...pagesOf({ formats: new Map([...FORMATS].filter(([id]) => id !== 'sidebar')) })[0].props.ads.keys()]).toEqual(['article-1', 'article-2']);
    expect([...pagesOf()[1].props.ads.keys()]).toEqual([]);
  });

  it('have a cache key that changes with the site, the article, a teaser’s target and a house ad’s photo, and with nothing else', () => {
    const key = keyOf();
    expect(keyOf()).toBe(key);
    const changed = [
      keyOf({ siteKey: 'haus 2' }),
      keyOf({ articles: [{ ...XI, digest: 'fassung-2' }, WUTTKE] }),
      keyOf({ articles: [XI, { ...WUTTKE, data: { ...WUTTKE.data, section: 'wirtschaft' } }] }),
      keyOf({ houseAds: [{ ...HOUSE_ADS[0], image: { src: 'abo.neu' } }, HOUSE_ADS[1]] }),
    ];
    expect(new Set([key, ...changed]).size).toBe(5);
    expect(keyOf({ articles: [XI, { ...WUTTKE, digest: 'fassung-2' }] })).toBe(key);
  });
});

describe('the article view', () => {
  const urls = createUrls('/zeitung/');
  const site = new URL('https://zeitung.example/');
  const view = (entry: ArticleEntry = XI) =>
    articleView({
      article: entry,
      targetSections: ['politik', undefined, undefined],
      sections: [
        { id: 'politik', name: 'Politik' },
        { id: 'politik/international', name: 'International', parent: 'politik' },
      ],
      authors: [{ id: 'sabine-gusbeth', name: 'Sabine Gusbeth' }],
      topics: [{ name: 'China' }, { name: 'Russland' }],
      pageUrl: 'https://zeitung.example/zeitung/politik/international/xi-und-putin/',
      site,
      urls,
      shareImages: [{ url: 'https://zeitung.example/zeitung/_astro/fotos/foto-1200.jpg', width: 1200, height: 675 }],
      publisher: { name: 'Zeitungsleser', logo: { file: 'logo.png', width: 600, height: 60 } },
    });

  it('heads the page with kicker and title, in the section named last on its path', () => {
    expect(view()).toMatchObject({ headline: 'Diplomatie: Artikel xi-und-putin', section: 'International', keywords: ['China', 'Russland'] });
  });

  it('links each teaser whose article has a section, and no other', () => {
    expect([...view().teasers]).toEqual([
      ['wuttke', { kicker: 'Jörg Wuttke', title: 'China-Experte', target: { section: 'politik', id: 'wuttke' } }],
      ['entwurf', { kicker: 'Test', title: 'Ein Entwurf', target: undefined }],
      ['ohne', { kicker: 'Ohne', title: 'Ohne Artikel', target: undefined }],
    ]);
  });

  it('follows the text with the topics unless the body places them', () => {
    expect(view().topicsPlaced).toBe(false);
    expect(view(article('x', 'politik', { placed: { ads: [], topics: true } })).topicsPlaced).toBe(true);
  });

  it('leads from the front page through the sections to the headline', () => {
    expect(view().trail).toEqual([
      { name: 'Startseite', href: '/zeitung/' },
      { name: 'Politik', href: '/zeitung/politik/' },
      { name: 'International', href: '/zeitung/politik/international/' },
      { name: 'Diplomatie: Artikel xi-und-putin' },
    ]);
  });

  it('tells search engines the article and its breadcrumb, every address absolute', () => {
    const { jsonLd, authorUrls } = view();
    expect(authorUrls).toEqual(['https://zeitung.example/zeitung/autoren/sabine-gusbeth/']);
    expect(jsonLd[0]).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Diplomatie: Artikel xi-und-putin',
      description: 'Ein Vorspann.',
      author: [{ name: 'Sabine Gusbeth', url: authorUrls[0] }],
      articleSection: 'International',
      keywords: ['China', 'Russland'],
      publisher: { name: 'Zeitungsleser', url: 'https://zeitung.example/zeitung/', logo: { url: 'https://zeitung.example/zeitung/logo.png', width: 600, height: 60 } },
    });
    expect(jsonLd[1]).toMatchObject({ '@type': 'BreadcrumbList' });
    expect(JSON.stringify(jsonLd[1])).toContain('https://zeitung.example/zeitung/politik/international/');
  });
});

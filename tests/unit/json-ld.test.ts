import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from '../../src/lib/json-ld.ts';
import { escapeXml } from '../../src/lib/xml.ts';

describe('serializeJsonLd', () => {
  it('cannot be ended early by a headline containing </script>', () => {
    const json = serializeJsonLd({ headline: 'Ein </script><script>alert(1)</script> Titel' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json).headline).toBe('Ein </script><script>alert(1)</script> Titel');
  });
});

describe('newsArticleJsonLd', () => {
  const LOGO = { url: 'https://x.example/logo.png', width: 600, height: 60 };
  const ARTICLE = {
    url: 'https://x.example/politik/international/xi-und-putin/',
    headline: 'Diplomatie: Xi und Putin sprechen per Videoschalte',
    description: 'Ein Vorspann.',
    images: [{ url: 'https://x.example/_astro/foto.jpg', width: 1200, height: 675 }],
    published: new Date('2025-01-21T09:00:00+01:00'),
    modified: new Date('2025-01-21T15:44:00+01:00'),
    authors: [{ name: 'Sabine Gusbeth', url: 'https://x.example/autoren/sabine-gusbeth/' }],
    section: 'International',
    keywords: ['Russland', 'China'],
    publisher: { name: 'Zeitungsleser', url: 'https://x.example/', logo: LOGO },
  };

  it('describes the article as schema.org NewsArticle for search engines', () => {
    expect(newsArticleJsonLd(ARTICLE)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': ARTICLE.url },
      url: ARTICLE.url,
      headline: ARTICLE.headline,
      description: 'Ein Vorspann.',
      image: [{ '@type': 'ImageObject', url: 'https://x.example/_astro/foto.jpg', width: 1200, height: 675 }],
      datePublished: '2025-01-21T08:00:00.000Z',
      dateModified: '2025-01-21T14:44:00.000Z',
      author: [{ '@type': 'Person', name: 'Sabine Gusbeth', url: 'https://x.example/autoren/sabine-gusbeth/' }],
      publisher: { '@type': 'Organization', name: 'Zeitungsleser', url: 'https://x.example/', logo: { '@type': 'ImageObject', ...LOGO } },
      articleSection: 'International',
      keywords: ['Russland', 'China'],
      inLanguage: 'de-DE',
      isAccessibleForFree: true,
    });
  });

  it('claims only the times it knows', () => {
    const data = newsArticleJsonLd({ ...ARTICLE, published: undefined });
    expect(data).not.toHaveProperty('datePublished');
    expect(data).toHaveProperty('dateModified', '2025-01-21T14:44:00.000Z');
    expect(newsArticleJsonLd({ ...ARTICLE, modified: undefined })).not.toHaveProperty('dateModified');
  });
});

describe('breadcrumbJsonLd', () => {
  it('makes every crumb absolute and gives the last one the page URL', () => {
    const data = breadcrumbJsonLd([{ name: 'Startseite', href: '/' }, { name: 'Artikel' }], 'https://x.example/a/', 'https://x.example');
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Startseite', item: 'https://x.example/' },
        { '@type': 'ListItem', position: 2, name: 'Artikel', item: 'https://x.example/a/' },
      ],
    });
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`„A“ & <b> 'c' "d"`)).toBe('„A“ &amp; &lt;b&gt; &apos;c&apos; &quot;d&quot;');
  });
});

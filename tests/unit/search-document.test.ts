import { describe, expect, it } from 'vitest';
import { type SearchableArticle, searchDocument } from '../../src/lib/search/search-document.ts';

const article = {
  id: 'beispiel',
  digest: 'abc',
  section: 'politik',
  kicker: 'Diplomatie',
  title: 'Xi & Putin <live>',
  lead: 'Ein „Vorspann“.',
  images: [{ id: 'foto', caption: 'Videokonferenz: Putin und Xi.', credit: 'Foto: AP' }],
  body: () => [
    { type: 'html', html: '<p>Erster Absatz.</p>' },
    { type: 'embed', kind: 'figure', ref: 'foto' },
    { type: 'embed', kind: 'ad', ref: 'article-1' },
    { type: 'embed', kind: 'teaser', ref: 'wuttke' },
    { type: 'html', html: '<h2 id="abschnitt-x">Zwischentitel</h2>' },
  ],
} satisfies SearchableArticle;

describe('searchDocument', () => {
  it('adds no words for a figure whose image it does not know', () => {
    const figureOnly = { ...article, images: [], body: () => [{ type: 'embed', kind: 'figure', ref: 'foto' }] } satisfies SearchableArticle;
    expect(searchDocument(figureOnly)).toContain('<p>Ein „Vorspann“.</p><p></p></body>');
  });

  it('is a German page of the headline, lead, text and captions, escaped', () => {
    expect(searchDocument(article)).toBe(
      '<!doctype html><html lang="de"><head><title>Diplomatie: Xi &amp; Putin &lt;live&gt;</title></head><body>' +
        '<h1>Diplomatie: Xi &amp; Putin &lt;live&gt;</h1><p>Ein „Vorspann“.</p><p>Erster Absatz.</p>' +
        '<p>Videokonferenz: Putin und Xi. Foto: AP</p><h2 id="abschnitt-x">Zwischentitel</h2></body></html>',
    );
  });
});

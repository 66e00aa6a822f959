import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { HtmlBlock } from '../../src/lib/markdown/body-blocks.ts';
import { renderArticleBody } from '../../src/lib/markdown/processor.ts';
import { dangerIn } from '../support/danger.ts';

const ARTICLE = 'content/articles/xi-und-putin-sprechen-per-videoschalte.md';
const source = readFileSync(ARTICLE, 'utf8');
const body = source.slice(source.indexOf('\n---\n', 4) + 5);

const embeds = {
  figure: { attribute: 'image', known: ['videokonferenz', 'oval-office'] },
  ad: { attribute: 'slot', known: ['article-1', 'article-2'] },
  teaser: { attribute: 'related', known: ['wuttke'] },
  topics: { once: true },
};
const render = (markdown: string) => renderArticleBody(markdown, { path: 'test.md', embeds });
const html = (markdown: string) =>
  render(markdown)
    .filter((block): block is HtmlBlock => block.type === 'html')
    .map((block) => block.html)
    .join('\n');

describe('the article pipeline on the seed article', () => {
  const blocks = render(body);

  it('splits the body into text runs and embeds in reading order', () => {
    expect(blocks.map((block) => (block.type === 'html' ? 'html' : `${block.kind}:${block.ref}`))).toEqual([
      'figure:videokonferenz',
      'html',
      'ad:article-1',
      'html',
      'teaser:wuttke',
      'html',
      'ad:article-2',
      'html',
      'figure:oval-office',
      'topics:',
      'html',
    ]);
  });

  const text = html(body);

  it('opens with the dateline', () => {
    expect(text).toMatch(/^<p><span class="dateline">Moskau, Peking, Düsseldorf\.<\/span> Chinas Staats- und Parteichef/);
  });

  it('renders the three subheads as h2 with anchors', () => {
    expect([...text.matchAll(/<h2 id="([^"]+)">(.*?)<\/h2>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['abschnitt-gute-nachbarschaft-und-freundschaft', '„Gute Nachbarschaft und Freundschaft“'],
      ['abschnitt-putin-und-xi-wollen-eine-neue-weltordnung', 'Putin und Xi wollen eine neue Weltordnung'],
      ['abschnitt-xis-stellvertreter-führt-in-washington-gespräche', 'Xis Stellvertreter führt in Washington Gespräche'],
    ]);
  });

  it('keeps German typography and the seed’s words as written', () => {
    expect(text).toContain('dass er „diese besondere Beziehung“ zu Putin');
    expect(text).toContain('<p>Die Ukraine in den Veröffentlichungen beider Seiten nicht direkt erwähnt. In den');
    expect(text).toContain('Vizepremier J. D. Vance');
    // No "smart" quotes turned into English ones, no characters escaped into entities.
    expect(text).not.toMatch(/“\p{L}/u);
    expect(text).not.toContain('&#');
  });
});

describe('hostile markdown', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['an event handler', '<img src="x.png" onerror="alert(1)">'],
    ['an iframe', '<iframe src="https://example.org"></iframe>'],
    ['an inline style', '<p style="position:fixed">x</p>'],
    ['a javascript: link', '[klick](javascript:alert(1))'],
    ['an entity-obfuscated javascript: link', '[klick](jav&#x61;script:alert(1))'],
    ['a javascript: reference link', '[klick][x]\n\n[x]: javascript:alert(1)'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a data: link', '[klick](data:text/html;base64,PHNjcmlwdD4=)'],
    ['a vbscript: link', '[klick](vbscript:msgbox(1))'],
    ['directive attributes', ':dateline[Ort.]{onclick="alert(1)" style="x"} Text'],
  ])('neutralises %s', (_name, markdown) => {
    const markup = html(markdown);
    expect(dangerIn(markup)).toEqual([]);
    expect(markup).not.toBe('');
  });

  it('shows raw HTML as text, so no words are lost', () => {
    expect(html('<div>\nGanzer Absatz.\n</div>')).toContain('Ganzer Absatz.');
  });

  it('keeps ordinary links', () => {
    expect(html('[Quelle](https://example.org/a)')).toBe('<p><a href="https://example.org/a" rel="noopener noreferrer">Quelle</a></p>');
  });
});

import { readFileSync } from 'node:fs';
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_PATH, loadPage, pageExists, squash } from '../support/dist.ts';

/** The scraped Handelsblatt page: every line of it has to be found in its place on our page. */
const SEED_LINES = readFileSync('tests/fixtures/seed.txt', 'utf8')
  .split('\n')
  .map(squash)
  .filter(Boolean);

let $: CheerioAPI;
const texts = (selector: string) => $(selector).toArray().map((element) => squash($(element).text()));

beforeAll(() => {
  $ = loadPage(ARTICLE_PATH);
});

describe('the article page holds every line of the seed in its place', () => {
  const unplaced = new Set(SEED_LINES);
  /** Marks seed lines as found; each must be a line of the seed, so a typo here cannot pass. */
  const placed = (...lines: string[]) => {
    for (const line of lines) {
      expect(SEED_LINES).toContain(line);
      unplaced.delete(line);
    }
  };

  it('breadcrumb: Startseite › Politik › International › headline', () => {
    const crumbs = texts('nav[aria-label="Brotkrümelnavigation"] li').map((crumb) => crumb.replace(/^›\s*/, ''));
    expect(crumbs).toEqual(['Startseite', 'Politik', 'International', 'Diplomatie: Xi und Putin sprechen per Videoschalte']);
    placed(...SEED_LINES.slice(0, 4));
    expect(SEED_LINES.slice(0, 4).map((line) => line.replace(/^\d+\. /, ''))).toEqual(crumbs);
  });

  it('kicker and headline in the h1, the lead below it', () => {
    const h1 = $('h1').clone();
    h1.find('.sr-only').remove();
    expect(squash(h1.text())).toBe('DiplomatieXi und Putin sprechen per Videoschalte');
    expect(squash($('h1').text())).toBe('Diplomatie: Xi und Putin sprechen per Videoschalte');
    placed('DiplomatieXi und Putin sprechen per Videoschalte');
  });

  it('lead, byline with three authors, update time and "Artikel anhören" make up the header line', () => {
    const header = $('article header');
    const lead = squash(header.find('h1 + p').text());
    const authors = header.find('a[rel="author"]').toArray().map((author) => $(author).text());
    const time = squash(header.find('time').parent().text());
    const listen = squash(header.find('button').text());
    expect(authors).toEqual(['Sabine Gusbeth', 'Mareike Müller', 'Jana-Sophie Brüntjen']);
    expect(time).toBe('21.01.2025 - 15:44 Uhr aktualisiert');
    expect(header.find('time').attr('datetime')).toBe('2025-01-21T14:44:00.000Z');
    expect(listen).toBe('Artikel anhören');
    placed(`${lead}${authors.join(', ')} ${time} ${listen}`);
  });

  it('two figures with caption and credit', () => {
    const captions = texts('article figure figcaption');
    expect(captions).toEqual([
      'Videokonferenz: Wladimir Putin und Xi Jinping. Foto: AP',
      'Im Oval Office: Donald Trump unterzeichnete nach seiner Amtseinführung zahlreiche Dekrete. Foto: AP',
    ]);
    placed(...captions);
  });

  it('every story paragraph verbatim, the first opened by the dateline, and three subheads', () => {
    const paragraphs = texts('article .article-text p');
    expect(paragraphs[0]).toMatch(/^Moskau, Peking, Düsseldorf\. Chinas/);
    expect($('article .article-text p').first().find('.dateline').text()).toBe('Moskau, Peking, Düsseldorf.');
    expect(paragraphs).toHaveLength(18);
    const subheads = texts('article .article-text h2');
    expect(subheads).toEqual([
      '„Gute Nachbarschaft und Freundschaft“',
      'Putin und Xi wollen eine neue Weltordnung',
      'Xis Stellvertreter führt in Washington Gespräche',
    ]);
    placed(...paragraphs, ...subheads);
    expect(paragraphs).toContain('Die Ukraine in den Veröffentlichungen beider Seiten nicht direkt erwähnt. In den Abendnachrichten im chinesischen Staatsfernsehen hieß es lediglich, man habe sich ausführlich über „internationale und regionale Angelegenheiten von gemeinsamem Interesse ausgetauscht“ und wolle den Austausch aufrechterhalten.');
  });

  it('the inline teaser, honestly unlinked because its article is not ours', () => {
    const teaser = $('article aside[aria-label="Empfehlung der Redaktion"]');
    expect(teaser.find('a')).toHaveLength(0);
    expect(squash(teaser.text())).toMatch(/nicht verfügbar\.$/);
    const [kicker, title] = teaser.children().children('span').toArray().map((span) => squash($(span).text()));
    expect([kicker, title]).toEqual(['Jörg Wuttke', 'China-Experte: „Trump wird sich flexibler zeigen, als wir jetzt glauben“']);
    placed(kicker, title);
  });

  it('"Verwandte Themen" linking to the four topic pages', () => {
    const nav = $('nav[aria-labelledby="verwandte-themen"]');
    const topics = nav.find('a').toArray().map((link) => $(link).text().trim());
    expect(topics).toEqual(['Russland', 'Außenpolitik', 'USA', 'Ukraine']);
    for (const link of nav.find('a').toArray()) expect(pageExists($(link).attr('href')!)).toBe(true);
    placed(squash(nav.find('#verwandte-themen').text()), ...topics);
  });

  it('"Mehr zum Thema" after the article', () => {
    expect(texts('h2#mehr-zum-thema')).toEqual(['Mehr zum Thema']);
    placed('Mehr zum Thema');
  });

  it('"Unsere Partner": six sponsored teasers in the seed’s order, each labelled "Anzeige"', () => {
    const section = $('section[aria-labelledby="unsere-partner"]');
    placed(squash(section.find('h2').text()));
    const items = section.find('li').toArray();
    expect(items).toHaveLength(6);
    const start = SEED_LINES.indexOf('Unsere Partner') + 1;
    items.forEach((item, index) => {
      const [label, name, text] = $(item).find('span, strong').toArray().map((part) => squash($(part).text()));
      expect([label.toLowerCase(), name, text]).toEqual(SEED_LINES.slice(start + index * 3, start + index * 3 + 3).map((line, at) => (at === 0 ? line.toLowerCase() : line)));
      placed(name, text);
    });
    placed('Anzeige');
    for (const link of section.find('a').toArray()) expect($(link).attr('rel')).toBe('sponsored noopener');
    expect(section.find('a').length).toBeGreaterThan(0);
  });

  it('leaves no line of the seed unplaced', () => {
    expect([...unplaced]).toEqual([]);
  });
});

describe('the article page as readers and machines meet it', () => {
  it('is German', () => {
    expect($('html').attr('lang')).toBe('de');
  });

  it('has breadcrumb, author and topic links that lead to real pages', () => {
    const links = $('nav a, a[rel="author"]').toArray().map((link) => $(link).attr('href')!);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const href of links) expect(pageExists(href), href).toBe(true);
  });

  it('has a real "Artikel anhören" button', () => {
    expect($('button[type="button"]').filter((_, button) => $(button).text().includes('Artikel anhören'))).toHaveLength(1);
  });

  it('serves the placeholder photos responsive, as AVIF and WebP, with their size set', () => {
    const pictures = $('article figure picture');
    expect(pictures).toHaveLength(2);
    pictures.each((_, picture) => {
      const types = $(picture).find('source').toArray().map((source) => $(source).attr('type'));
      expect(types).toEqual(['image/avif', 'image/webp']);
      expect($(picture).find('source').attr('srcset')!.split(',').length).toBeGreaterThanOrEqual(3);
      const img = $(picture).find('img');
      expect(Number(img.attr('width'))).toBeGreaterThan(0);
      expect(Number(img.attr('height'))).toBeGreaterThan(0);
      expect(img.attr('alt')).toMatch(/^Platzhalterbild/);
    });
    expect(pictures.first().find('img').attr('loading')).toBe('eager');
    expect(pictures.last().find('img').attr('loading')).toBe('lazy');
  });

  it('reserves the fixed IAB size of every ad slot, each labelled "Anzeige"', () => {
    const slots = $('[data-ad-slot]');
    expect(slots.toArray().map((slot) => $(slot).attr('data-ad-slot'))).toEqual(['article-1', 'article-2', 'sidebar']);
    slots.each((_, slot) => {
      expect(squash($(slot).text())).toBe('Anzeige');
      expect($(slot).find('div').attr('class')).toMatch(/h-\[(250|600)px\] w-\[300px\]/);
    });
  });

  it('keeps markup out of the article text', () => {
    expect($('article').html()).not.toMatch(/<script(?![^>]*type="module")|::figure|:dateline/);
  });
});

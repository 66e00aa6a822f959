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

/** What the page shows in each place the seed has a part for, read the way a reader sees it. */
function readParts() {
  const header = $('article header');
  const h1 = $('h1').clone();
  h1.find('.sr-only').remove();
  const teaser = $('article aside[aria-label="Empfehlung der Redaktion"]');
  const topicsNav = $('nav[aria-labelledby="verwandte-themen"]');
  const partners = $('section[aria-labelledby="unsere-partner"]');
  return {
    crumbs: texts('nav[aria-label="Brotkrümelnavigation"] li').map((crumb) => crumb.replace(/^›\s*/, '')),
    h1: squash(h1.text()),
    lead: squash(header.find('h1 + p').text()),
    authors: header.find('a[rel="author"]').toArray().map((author) => $(author).text()),
    time: squash(header.find('time').parent().text()),
    listen: squash(header.find('[data-listen]').text()),
    captions: texts('article figure figcaption'),
    paragraphs: texts('article .article-text p'),
    subheads: texts('article .article-text h2'),
    teaser: teaser.children().children('span:not(.sr-only)').toArray().map((span) => squash($(span).text())),
    teaserLinks: teaser.find('a').length,
    topicsLabel: squash(topicsNav.find('#verwandte-themen').text()),
    topics: topicsNav.find('a').toArray().map((link) => ({ name: $(link).text().trim(), href: $(link).attr('href')! })),
    moreOnTopic: texts('h2#mehr-zum-thema'),
    partnersLabel: squash(partners.find('h2').text()),
    partners: partners.find('li').toArray().map((item) => ({
      parts: $(item).find('span, strong').toArray().map((part) => squash($(part).text())),
      links: $(item).find('a').length,
    })),
  };
}

let parts: ReturnType<typeof readParts>;

beforeAll(() => {
  $ = loadPage(ARTICLE_PATH);
  parts = readParts();
});

describe('the article page holds every line of the seed in its place', () => {
  it('breadcrumb: Startseite › Politik › International › headline', () => {
    expect(parts.crumbs).toEqual(['Startseite', 'Politik', 'International', 'Diplomatie: Xi und Putin sprechen per Videoschalte']);
    expect(SEED_LINES.slice(0, 4).map((line) => line.replace(/^\d+\. /, ''))).toEqual(parts.crumbs);
  });

  it('kicker and headline in the h1, read as „Diplomatie: …“', () => {
    expect(parts.h1).toBe('DiplomatieXi und Putin sprechen per Videoschalte');
    expect(squash($('h1').text())).toBe('Diplomatie: Xi und Putin sprechen per Videoschalte');
  });

  it('lead, byline with three authors, update time and "Artikel anhören" make up the seed’s header line', () => {
    expect(parts.authors).toEqual(['Sabine Gusbeth', 'Mareike Müller', 'Jana-Sophie Brüntjen']);
    expect(parts.time).toBe('21.01.2025 - 15:44 Uhr aktualisiert');
    expect($('article header time').attr('datetime')).toBe('2025-01-21T14:44:00.000Z');
    expect(parts.listen).toBe('Artikel anhören');
    expect(SEED_LINES).toContain(`${parts.lead}${parts.authors.join(', ')} ${parts.time} ${parts.listen}`);
  });

  it('two figures with caption and credit', () => {
    expect(parts.captions).toEqual([
      'Videokonferenz: Wladimir Putin und Xi Jinping. Foto: AP',
      'Im Oval Office: Donald Trump unterzeichnete nach seiner Amtseinführung zahlreiche Dekrete. Foto: AP',
    ]);
  });

  it('18 story paragraphs, the first opened by the dateline, and three subheads', () => {
    expect(parts.paragraphs).toHaveLength(18);
    expect(parts.paragraphs[0]).toMatch(/^Moskau, Peking, Düsseldorf\. Chinas/);
    expect($('article .article-text p').first().find('.dateline').text()).toBe('Moskau, Peking, Düsseldorf.');
    expect(parts.paragraphs).toContain(
      'Die Ukraine in den Veröffentlichungen beider Seiten nicht direkt erwähnt. In den Abendnachrichten im chinesischen Staatsfernsehen hieß es lediglich, man habe sich ausführlich über „internationale und regionale Angelegenheiten von gemeinsamem Interesse ausgetauscht“ und wolle den Austausch aufrechterhalten.',
    );
    expect(parts.subheads).toEqual([
      '„Gute Nachbarschaft und Freundschaft“',
      'Putin und Xi wollen eine neue Weltordnung',
      'Xis Stellvertreter führt in Washington Gespräche',
    ]);
  });

  it('the inline teaser, honestly unlinked because its article is not ours', () => {
    expect(parts.teaser).toEqual(['Jörg Wuttke', 'China-Experte: „Trump wird sich flexibler zeigen, als wir jetzt glauben“', 'Dieser Artikel ist hier nicht verfügbar.']);
    expect(parts.teaserLinks).toBe(0);
  });

  it('"Verwandte Themen" linking to the four topic pages', () => {
    expect(parts.topicsLabel).toBe('Verwandte Themen');
    expect(parts.topics.map((topic) => topic.name)).toEqual(['Russland', 'Außenpolitik', 'USA', 'Ukraine']);
    for (const topic of parts.topics) expect(pageExists(topic.href), topic.href).toBe(true);
  });

  it('"Mehr zum Thema" after the article', () => {
    expect(parts.moreOnTopic).toEqual(['Mehr zum Thema']);
  });

  it('"Unsere Partner": the six sponsored teasers in the seed’s order, each labelled "Anzeige", none with a guessed link', () => {
    expect(parts.partnersLabel).toBe('Unsere Partner');
    const start = SEED_LINES.indexOf('Unsere Partner') + 1;
    const seedPartners = Array.from({ length: 6 }, (_, index) => SEED_LINES.slice(start + index * 3, start + index * 3 + 3));
    expect(parts.partners.map((partner) => partner.parts)).toEqual(
      seedPartners.map(([label, name, text]) => [label.toUpperCase() === 'ANZEIGE' ? 'Anzeige' : label, name, text]),
    );
    expect(parts.partners.every((partner) => partner.links === 0)).toBe(true);
  });

  it('leaves no line of the seed unplaced', () => {
    const placed = new Set([
      ...SEED_LINES.slice(0, 4),
      parts.h1,
      `${parts.lead}${parts.authors.join(', ')} ${parts.time} ${parts.listen}`,
      ...parts.captions,
      ...parts.paragraphs,
      ...parts.subheads,
      ...parts.teaser,
      parts.topicsLabel,
      ...parts.topics.map((topic) => topic.name),
      ...parts.moreOnTopic,
      parts.partnersLabel,
      ...parts.partners.flatMap((partner) => partner.parts),
    ]);
    expect(SEED_LINES.filter((line) => !placed.has(line))).toEqual([]);
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
    expect($('button[type="button"][data-listen]').text().trim()).toBe('Artikel anhören');
  });

  it('serves the placeholder photos responsive, as AVIF with a JPEG fallback, with their size set', () => {
    const pictures = $('article figure picture');
    expect(pictures).toHaveLength(2);
    pictures.each((_, picture) => {
      const types = $(picture).find('source').toArray().map((source) => $(source).attr('type'));
      expect(types).toEqual(['image/avif']);
      expect($(picture).find('source').attr('srcset')!.split(',').length).toBeGreaterThanOrEqual(3);
      const img = $(picture).find('img');
      expect(img.attr('srcset')!.split(',').map((candidate) => candidate.trim().split(' ')[0].split('.').at(-1))).toEqual(['jpg', 'jpg', 'jpg', 'jpg']);
      expect(Number(img.attr('width'))).toBeGreaterThan(0);
      expect(Number(img.attr('height'))).toBeGreaterThan(0);
      expect(img.attr('alt')).toMatch(/^Platzhalterbild/);
    });
    expect(pictures.first().find('img').attr('loading')).toBe('eager');
    expect(pictures.last().find('img').attr('loading')).toBe('lazy');
  });

  it('reserves the fixed IAB size of every ad slot, each labelled "Anzeige" and holding one house ad', () => {
    const slots = $('[data-ad-slot]');
    expect(slots.toArray().map((slot) => $(slot).attr('data-ad-slot'))).toEqual(['article-1', 'article-2', 'sidebar']);
    slots.each((_, slot) => {
      expect(squash($(slot).children('p').text())).toBe('Anzeige');
      expect($(slot).find('[data-ad-box]').attr('class')).toMatch(/h-\[(250|600)px\] w-\[300px\]/);
      expect($(slot).find('[data-ad-box] > a[data-house-ad]')).toHaveLength(1);
    });
  });

  it('shows no directive syntax and no id twice', () => {
    expect($('article').text()).not.toMatch(/::\w|:dateline/);
    const ids = $('[id]').toArray().map((element) => $(element).attr('id'));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});

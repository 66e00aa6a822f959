import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { readArticle } from '../../src/lib/content/read-article.ts';

const FILE = 'tests/fixtures/articles/beispiel.md';
const KNOWN = {
  articles: ['beispiel', 'anderer-artikel'],
  authors: ['sabine-gusbeth', 'mareike-mueller'],
  topics: ['russland', 'usa'],
  sections: ['politik', 'politik/international'],
  adSlots: ['article-1'],
};

const FRONT_MATTER = `kicker: Diplomatie
title: Xi und Putin sprechen per Videoschalte
lead: Ein Vorspann.
section: politik/international
authors:
  - sabine-gusbeth
  - mareike-mueller
updated: 2025-01-21T15:44:00+01:00
topics: [russland, usa]
images:
  - id: foto
    src: ../images/foto.jpg
    alt: Platzhalterbild
    caption: "Videokonferenz: Wladimir Putin und Xi Jinping."
    credit: "Foto: AP"`;

const BODY = '::figure{image="foto"}\n\n:dateline[Berlin.] Text.\n\n::ad{slot="article-1"}\n';

const article = (frontMatter = FRONT_MATTER, body = BODY) => `---\n${frontMatter}\n---\n\n${body}`;
/** A second image, its `- id` on line 17. */
const SECOND_IMAGE = '\n  - id: karte\n    src: ../images/foto.jpg\n    alt: Karte\n    caption: Die Karte.\n    credit: "Foto: AP"';
/** A related article, its `- id` on line 18. */
const RELATED = '\nrelated:\n  - id: mehr\n    kicker: Interview\n    title: Ein Gespräch';

/** The one message an editor would read for a broken article. */
function messageFor(source: string, file = FILE, known = KNOWN): string {
  try {
    readArticle(file, source, known);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('expected the article to be rejected');
}

describe('readArticle', () => {
  it('reads a valid article into front matter, body blocks and what the body places', () => {
    const { id, data, body } = readArticle(FILE, article(), KNOWN);
    expect(id).toBe('beispiel');
    expect(data.title).toBe('Xi und Putin sprechen per Videoschalte');
    expect(data.placed).toEqual({ ads: ['article-1'], topics: false });
    expect(body.map((block) => (block.type === 'embed' ? block.kind : block.html))).toEqual([
      'figure',
      '<p><span class="dateline">Berlin.</span> Text.</p>',
      'ad',
    ]);
  });

  it('takes the slug from a file name of lower-case words, digits and dashes', () => {
    expect(readArticle('tests/fixtures/articles/xi-und-putin-2025.md', article(), KNOWN).id).toBe('xi-und-putin-2025');
    for (const name of ['Beispiel', 'beispiel_2', 'beispiel-', 'xi--putin']) {
      const file = `tests/fixtures/articles/${name}.md`;
      expect(messageFor(article(), file)).toBe(`${file}: the file name is the URL slug: use lower-case letters, digits and dashes`);
    }
  });

  it('reads an article without topics, images or related articles', () => {
    const plain = FRONT_MATTER.slice(0, FRONT_MATTER.indexOf('\ntopics:'));
    expect(readArticle(FILE, article(plain, ':dateline[Berlin.] Text.\n'), KNOWN).body).toEqual([
      { type: 'html', html: '<p><span class="dateline">Berlin.</span> Text.</p>' },
    ]);
  });

  it('places the teaser of a related article, whether it links to one of ours or not', () => {
    const { body } = readArticle(FILE, article(`${FRONT_MATTER}${RELATED}`, 'Text.\n\n::teaser{related="mehr"}\n'), KNOWN);
    expect(body.at(-1)).toEqual({ type: 'embed', kind: 'teaser', ref: 'mehr' });
  });

  it('names file and field of a missing title', () => {
    expect(messageFor(article(FRONT_MATTER.replace('title: Xi und Putin sprechen per Videoschalte\n', '')))).toBe(
      `${FILE}: title: is required (the headline)`,
    );
  });

  it.each([
    ['section', FRONT_MATTER.replace('section: politik/international\n', ''), `${FILE}: section: is required (a section id from content/sections.yaml, e.g. "politik/international")`],
    ['authors', FRONT_MATTER.replace('authors:\n  - sabine-gusbeth\n  - mareike-mueller\n', ''), `${FILE}: authors: is required (a list of author ids)`],
    ['an image id', FRONT_MATTER.replace('  - id: foto\n    src:', '  - src:'), `${FILE}:12: images[0].id: is required (an id)`],
    ['a caption', FRONT_MATTER.replace('    caption: "Videokonferenz: Wladimir Putin und Xi Jinping."\n', ''), `${FILE}:12: images[0].caption: is required (the caption shown under the image)`],
    ['a teaser kicker', `${FRONT_MATTER}${RELATED.replace('    kicker: Interview\n', '')}`, `${FILE}:18: related[0].kicker: is required (the teaser kicker)`],
    ['a teaser headline', `${FRONT_MATTER}${RELATED.replace('\n    title: Ein Gespräch', '')}`, `${FILE}:18: related[0].title: is required (the teaser headline)`],
  ])('names a missing %s and what it is for', (_field, frontMatter, message) => {
    expect(messageFor(article(frontMatter))).toBe(message);
  });

  it('names what a field expects when its value is of another kind', () => {
    expect(messageFor(article(FRONT_MATTER.replace('authors:\n  - sabine-gusbeth\n  - mareike-mueller', 'authors: sabine-gusbeth')))).toBe(
      `${FILE}:6: authors: expected a list of author ids`,
    );
    expect(messageFor(article(FRONT_MATTER.replace('2025-01-21T15:44:00+01:00', '2025')))).toBe(
      `${FILE}:9: updated: expected a date and time with its UTC offset, e.g. 2025-01-21T15:44:00+01:00`,
    );
    expect(messageFor(article(FRONT_MATTER.replace('authors:\n  - sabine-gusbeth\n  - mareike-mueller', 'authors: []')))).toBe(
      `${FILE}:6: authors: must name at least one author`,
    );
  });

  it('wants ids of lower-case letters, digits and dashes', () => {
    for (const id of ['Sabine-Gusbeth', 'sabine_gusbeth']) {
      expect(messageFor(article(FRONT_MATTER.replace('  - sabine-gusbeth', `  - ${id}`)))).toBe(
        `${FILE}:7: authors[0]: expected an id of lower-case letters, digits and dashes, e.g. "sabine-gusbeth"`,
      );
    }
  });

  it('names an empty lead', () => {
    expect(messageFor(article(FRONT_MATTER.replace('lead: Ein Vorspann.', 'lead: "  "')))).toBe(
      `${FILE}:4: lead: must not be empty (the lead paragraph)`,
    );
  });

  it.each([
    ['an impossible month and day', '2025-13-45T15:44:00+01:00', '2025-13-45 is an impossible date: there is no month 13'],
    ['an impossible day', '2025-02-30T15:44:00+01:00', '2025-02-30 is an impossible date: February 2025 has 28 days'],
    ['a missing offset', '2025-01-21T15:44:00', '2025-01-21T15:44:00 has no UTC offset: add it, e.g. +01:00'],
    ['a date without time', '2025-01-21', '2025-01-21 has no time of day'],
    ['a time in another form', '21.01.2025 15:44', 'expected a date and time with its UTC offset, e.g. 2025-01-21T15:44:00+01:00'],
  ])('rejects %s with the true reason', (_case, value, reason) => {
    expect(messageFor(article(FRONT_MATTER.replace('2025-01-21T15:44:00+01:00', value)))).toMatch(`${FILE}:9: updated: ${reason}`);
  });

  it('reads `draft` as true or false only', () => {
    expect(readArticle(FILE, article(`${FRONT_MATTER}\ndraft: true`), KNOWN).data.draft).toBe(true);
    expect(messageFor(article(`${FRONT_MATTER}\ndraft: ja`))).toBe(`${FILE}:17: draft: expected true or false`);
  });

  it('needs at least one time and an update after the publication', () => {
    expect(messageFor(article(FRONT_MATTER.replace('updated: 2025-01-21T15:44:00+01:00\n', '')))).toMatch(
      /: updated: needs `published`, `updated` or both/,
    );
    expect(messageFor(article(`${FRONT_MATTER}\npublished: 2025-01-22T08:00:00+01:00`))).toBe(
      `${FILE}:9: updated: must not be earlier than \`published\``,
    );
    expect(readArticle(FILE, article(`${FRONT_MATTER}\npublished: 2025-01-21T15:44:00+01:00`), KNOWN).data.published).toBe('2025-01-21T15:44:00+01:00');
  });

  it('names an unknown author with its position and the known ones', () => {
    expect(messageFor(article(FRONT_MATTER.replace('  - mareike-mueller', '  - jana-sophie-bruentjen')))).toBe(
      `${FILE}:8: authors[1]: unknown author "jana-sophie-bruentjen"; add it to content/authors.yaml or use one of "sabine-gusbeth", "mareike-mueller"`,
    );
  });

  it('names an author or topic listed twice', () => {
    expect(messageFor(article(FRONT_MATTER.replace('  - mareike-mueller', '  - sabine-gusbeth')))).toBe(
      `${FILE}:8: authors[1]: "sabine-gusbeth" is listed twice in \`authors\``,
    );
    expect(messageFor(article(FRONT_MATTER.replace('[russland, usa]', '[usa, usa]')))).toBe(`${FILE}:10: topics[1]: "usa" is listed twice in \`topics\``);
  });

  it('names an image or a related article listed twice', () => {
    expect(messageFor(article(`${FRONT_MATTER}${SECOND_IMAGE.replace('karte', 'foto')}`))).toBe(`${FILE}:17: images[1].id: "foto" is listed twice in \`images\``);
    expect(messageFor(article(`${FRONT_MATTER}${RELATED}${RELATED.replace('\nrelated:', '')}`))).toBe(
      `${FILE}:21: related[1].id: "mehr" is listed twice in \`related\``,
    );
  });

  it('names an unknown topic and section', () => {
    expect(messageFor(article(FRONT_MATTER.replace('[russland, usa]', '[russland, china]')))).toBe(
      `${FILE}:10: topics[1]: unknown topic "china"; add it to content/topics.yaml or use one of "russland", "usa"`,
    );
    expect(messageFor(article(), FILE, { ...KNOWN, topics: [] })).toBe(
      `${FILE}:10: topics[0]: unknown topic "russland"; add it to content/topics.yaml or use one of none`,
    );
    expect(messageFor(article(FRONT_MATTER.replace('politik/international', 'wirtschaft')))).toMatch(
      new RegExp(`^${FILE}:5: section: unknown section "wirtschaft"`),
    );
  });

  it('names a related article that is not in the collection', () => {
    const related = '\nrelated:\n  - id: mehr\n    kicker: K\n    title: T\n    article: gibt-es-nicht';
    expect(messageFor(article(`${FRONT_MATTER}${related}`))).toBe(
      `${FILE}:21: related[0].article: no article "gibt-es-nicht" in content/articles; leave \`article\` out for a teaser without link`,
    );
    expect(readArticle(FILE, article(`${FRONT_MATTER}${related.replace('gibt-es-nicht', 'anderer-artikel')}`), KNOWN).data.related).toHaveLength(1);
  });

  it('names a photo without alt text or credit', () => {
    expect(messageFor(article(FRONT_MATTER.replace('    alt: Platzhalterbild\n', '')))).toBe(
      `${FILE}:12: images[0].alt: is required (a text describing the image for readers who cannot see it)`,
    );
    expect(messageFor(article(FRONT_MATTER.replace('credit: "Foto: AP"', 'credit: ""')))).toBe(
      `${FILE}:16: images[0].credit: must not be empty (the photo credit, e.g. "Foto: AP")`,
    );
  });

  it('wants image paths relative to the article', () => {
    expect(messageFor(article(FRONT_MATTER.replace('../images/foto.jpg', '/etc/passwd')))).toBe(
      `${FILE}:13: images[0].src: expected a path relative to the article file, e.g. ../images/foto.jpg`,
    );
  });

  it('places the topics once, and only where there are topics', () => {
    expect(messageFor(article(FRONT_MATTER, '::topics\n\n::topics\n'))).toBe(`${FILE}:21: \`::topics\` may appear only once`);
    expect(messageFor(article(FRONT_MATTER.replace('topics: [russland, usa]', 'topics: []'), '::topics\n'))).toBe(
      `${FILE}:19: \`::topics\` cannot be used here: the front matter lists no \`topics\``,
    );
  });

  it('places each ad slot once, and never the sidebar\'s in the text', () => {
    expect(messageFor(article(FRONT_MATTER, '::ad{slot="article-1"}\n\nText.\n\n::ad{slot="article-1"}\n'))).toBe(
      `${FILE}:23: \`::ad\` refers to slot "article-1" a second time; each may appear once`,
    );
    expect(messageFor(article(FRONT_MATTER, '::ad{slot="sidebar"}\n'), FILE, { ...KNOWN, adSlots: ['article-1', 'sidebar'] })).toBe(
      `${FILE}:19: \`::ad\` refers to unknown slot "sidebar" (known: "article-1")`,
    );
  });

  it('reads files saved with a byte-order mark, and names the first field of an empty front matter', () => {
    expect(readArticle(FILE, `\uFEFF${article()}`, KNOWN).data.title).toBe('Xi und Putin sprechen per Videoschalte');
    expect(messageFor('---\n---\nText')).toBe(`${FILE}: kicker: is required (the short topic line above the headline)`);
  });

  it('rejects unknown fields, which are mostly typos', () => {
    expect(messageFor(article(`${FRONT_MATTER}\nautors: [x]`))).toBe(`${FILE}:17: autors: is not a field articles have; check its spelling`);
    // Misspelt, a required field is also missing: the misspelling is what the editor has to fix.
    expect(messageFor(article(FRONT_MATTER.replace('title:', 'titel:')))).toBe(`${FILE}:3: titel: is not a field articles have; check its spelling`);
  });

  it('names the file line of a body mistake', () => {
    expect(messageFor(article(FRONT_MATTER, 'Text.\n\n::figure{image="karte"}\n'))).toBe(
      `${FILE}:21: \`::figure\` refers to unknown image "karte" (known: "foto")`,
    );
    expect(messageFor(article(FRONT_MATTER, '::werbung\n'))).toBe(`${FILE}:19: Unknown directive \`::werbung\``);
  });

  it('names the file line where a body goes beyond what the pipeline renders', () => {
    expect(messageFor(article(FRONT_MATTER, `Text.\n\n${'> '.repeat(17)}Zitat\n`))).toBe(
      `${FILE}:21: Nesting deeper than 16 levels is not allowed (each quote or list marker, each open \`:::\` directive and every two columns of indentation count as one)`,
    );
  });

  it('rejects broken YAML, a missing front matter and a reserved field', () => {
    expect(messageFor('---\ntitle: [unclosed\n---\n')).toMatch(new RegExp(`^${FILE}:2: front matter is not valid YAML`));
    expect(messageFor('Nur Text.')).toBe(`${FILE}:1: expected YAML front matter between two \`---\` lines at the top of the file`);
    expect(messageFor(article(`${FRONT_MATTER}\nbody: x`))).toBe(
      `${FILE}:17: body: is reserved: the body is the markdown below the front matter`,
    );
  });
});

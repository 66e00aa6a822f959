import { describe, expect, it } from 'vitest';
import { editorWarnings, HEADLINE_LIMIT, LEAD_LIMIT } from '../../src/lib/content/editor-checks.ts';

const ARTICLE = {
  kicker: 'Diplomatie',
  title: 'Xi und Putin sprechen per Videoschalte',
  lead: 'Ein Vorspann.',
  related: [{ article: 'anderer-artikel' }, {}],
};
const NONE = new Map();
/** The build's „now“: 21.01.2025, 15:44 in Berlin. */
const NOW = new Date('2025-01-21T15:44:00+01:00');
/** A title that makes `Diplomatie: <title>` exactly `length` characters long. */
const titleFor = (length: number) => 'x'.repeat(length - 'Diplomatie: '.length);

describe('editorWarnings', () => {
  it('has nothing to say about an article within every limit', () => {
    expect(editorWarnings(ARTICLE, NONE, NOW)).toEqual([]);
    expect(editorWarnings({ ...ARTICLE, title: titleFor(HEADLINE_LIMIT), lead: 'x'.repeat(LEAD_LIMIT) }, NONE, NOW)).toEqual([]);
  });

  it('warns at the title when the headline with its kicker is longer than search engines take', () => {
    const [warning, ...others] = editorWarnings({ ...ARTICLE, title: titleFor(HEADLINE_LIMIT + 1) }, NONE, NOW);
    expect(others).toEqual([]);
    expect(warning.path).toEqual(['title']);
    expect(warning.problem).toMatch(new RegExp(`has ${HEADLINE_LIMIT + 1} characters with its kicker; search engines take 110 at most$`));
  });

  it('warns at the lead when it is longer than a search result shows', () => {
    expect(editorWarnings({ ...ARTICLE, lead: 'x'.repeat(LEAD_LIMIT + 1) }, NONE, NOW)).toEqual([
      { path: ['lead'], problem: `has ${LEAD_LIMIT + 1} characters; search results and link previews cut a description after 320 at most` },
    ]);
  });

  it('warns at a related entry whose article is a draft or under embargo', () => {
    const unpublished = new Map([['anderer-artikel', { state: 'embargoed' as const, until: new Date('2025-01-22T06:00:00+01:00') }]]);
    expect(editorWarnings(ARTICLE, unpublished, NOW)).toEqual([
      {
        path: ['related', 0, 'article'],
        problem: '"anderer-artikel" is not published (Sperrfrist bis 22.01.2025 - 06:00 Uhr): until it is, the teaser is shown without a link',
      },
    ]);
    expect(editorWarnings(ARTICLE, new Map([['anderer-artikel', { state: 'draft' as const }]]), NOW)[0].problem).toMatch(/\(Entwurf\)/);
  });

  it('warns at an update still to come on an article already out, and not once it has come or while the article waits', () => {
    const published = new Date('2025-01-21T09:00:00+01:00');
    const soon = new Date(NOW.getTime() + 60_000);
    expect(editorWarnings({ ...ARTICLE, published, updated: soon }, NONE, NOW)).toEqual([
      { path: ['updated'], problem: '21.01.2025 - 15:45 Uhr has not come yet, but the article is out since 21.01.2025 - 09:00 Uhr: its page shows an update still to come' },
    ]);
    expect(editorWarnings({ ...ARTICLE, published, updated: NOW }, NONE, NOW)).toEqual([]);
    // Out this very minute, updated the next.
    expect(editorWarnings({ ...ARTICLE, published: NOW, updated: soon }, NONE, NOW)).toHaveLength(1);
    expect(editorWarnings({ ...ARTICLE, published: soon, updated: new Date(soon.getTime() + 60_000) }, NONE, NOW)).toEqual([]);
    expect(editorWarnings({ ...ARTICLE, updated: soon }, NONE, NOW)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { editorWarnings, HEADLINE_LIMIT, LEAD_LIMIT } from '../../src/lib/content/editor-checks.ts';

const ARTICLE = {
  kicker: 'Diplomatie',
  title: 'Xi und Putin sprechen per Videoschalte',
  lead: 'Ein Vorspann.',
  related: [{ article: 'anderer-artikel' }, {}],
};
const NONE = new Map();
/** A title that makes `Diplomatie: <title>` exactly `length` characters long. */
const titleFor = (length: number) => 'x'.repeat(length - 'Diplomatie: '.length);

describe('editorWarnings', () => {
  it('has nothing to say about an article within every limit', () => {
    expect(editorWarnings(ARTICLE, NONE)).toEqual([]);
    expect(editorWarnings({ ...ARTICLE, title: titleFor(HEADLINE_LIMIT), lead: 'x'.repeat(LEAD_LIMIT) }, NONE)).toEqual([]);
  });

  it('warns at the title when the headline with its kicker is longer than search engines take', () => {
    const [warning, ...others] = editorWarnings({ ...ARTICLE, title: titleFor(HEADLINE_LIMIT + 1) }, NONE);
    expect(others).toEqual([]);
    expect(warning.path).toEqual(['title']);
    expect(warning.problem).toMatch(new RegExp(`has ${HEADLINE_LIMIT + 1} characters with its kicker; search engines take 110 at most$`));
  });

  it('warns at the lead when it is longer than a search result shows', () => {
    expect(editorWarnings({ ...ARTICLE, lead: 'x'.repeat(LEAD_LIMIT + 1) }, NONE)).toEqual([
      { path: ['lead'], problem: `has ${LEAD_LIMIT + 1} characters; search results and link previews cut a description after 320 at most` },
    ]);
  });

  it('warns at a related entry whose article is a draft or under embargo', () => {
    const unpublished = new Map([['anderer-artikel', { state: 'embargoed' as const, until: new Date('2025-01-22T06:00:00+01:00') }]]);
    expect(editorWarnings(ARTICLE, unpublished)).toEqual([
      {
        path: ['related', 0, 'article'],
        problem: '"anderer-artikel" is not published (Sperrfrist bis 22.01.2025 - 06:00 Uhr): until it is, the teaser is shown without a link',
      },
    ]);
    expect(editorWarnings(ARTICLE, new Map([['anderer-artikel', { state: 'draft' as const }]]))[0].problem).toMatch(/\(Entwurf\)/);
  });
});

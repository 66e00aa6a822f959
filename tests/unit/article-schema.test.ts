import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/article-schema.ts';
import { photoSchema } from '../../src/lib/content/photo-schema.ts';

const schema = articleSchema(() => photoSchema);

const PHOTO = { src: 'foto-abcdefghij', width: 1600, height: 900, format: 'jpg', fsPath: '/site/content/images/foto.jpg' };
/** An article as the loader hands it to the collection: front matter as written, photos described, what its body places. */
const ARTICLE = {
  kicker: 'Diplomatie',
  title: 'Xi und Putin sprechen per Videoschalte',
  lead: 'Ein Vorspann.',
  section: 'politik/international',
  authors: ['sabine-gusbeth'],
  updated: '2025-01-21T15:44:00+01:00',
  images: [{ id: 'foto', src: PHOTO, alt: 'Platzhalterbild', caption: 'Videokonferenz.', credit: 'Foto: AP' }],
  placed: { ads: ['article-1'], topics: false },
};
const problemOf = (article: Record<string, unknown>) => schema.safeParse(article).error?.issues[0].message;

describe('the stored article', () => {
  it('fills in what the front matter leaves out: no topics, no teasers, no draft, every ad', () => {
    expect(schema.parse(ARTICLE)).toEqual({
      ...ARTICLE,
      updated: new Date('2025-01-21T14:44:00Z'),
      topics: [],
      related: [],
      draft: false,
      ads: { sidebar: true, partners: true },
    });
  });

  it('turns off one kind of ad and keeps the other', () => {
    expect(schema.parse({ ...ARTICLE, ads: { sidebar: false } }).ads).toEqual({ sidebar: false, partners: true });
    expect(schema.parse({ ...ARTICLE, ads: { partners: false } }).ads).toEqual({ sidebar: true, partners: false });
  });

  it('refuses what the markdown pipeline did not make: no placements, or a body, which is kept beside the store', () => {
    expect(problemOf({ ...ARTICLE, placed: 'article-1' })).toBe('expected what the markdown pipeline found the body places');
    expect(schema.safeParse({ ...ARTICLE, body: [{ type: 'html', html: '<p>Text.</p>' }] }).success).toBe(false);
  });

  it('refuses a photo the loader did not describe', () => {
    expect(schema.safeParse({ ...ARTICLE, images: [{ ...ARTICLE.images[0], src: { ...PHOTO, format: 'gif' } }] }).success).toBe(false);
    expect(schema.safeParse({ ...ARTICLE, images: [{ ...ARTICLE.images[0], src: '../images/foto.jpg' }] }).success).toBe(false);
  });
});

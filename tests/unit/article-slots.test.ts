import { describe, expect, it } from 'vitest';
import { articleSlotIds } from '../../src/lib/ads/article-slots.ts';
import { type BodyBlock, placedBy } from '../../src/lib/markdown/body-blocks.ts';

const BODY: BodyBlock[] = [
  { type: 'embed', kind: 'figure', ref: 'foto' },
  { type: 'html', html: '<p>Text.</p>' },
  { type: 'embed', kind: 'ad', ref: 'article-1' },
  { type: 'embed', kind: 'teaser', ref: 'article-2' },
  { type: 'embed', kind: 'ad', ref: 'article-2' },
];

describe('placedBy', () => {
  it('finds the ad slots a body places, in their order, and whether it places the topics', () => {
    expect(placedBy(BODY)).toEqual({ ads: ['article-1', 'article-2'], topics: false });
    expect(placedBy([...BODY, { type: 'embed', kind: 'topics', ref: '' }]).topics).toBe(true);
    expect(placedBy([])).toEqual({ ads: [], topics: false });
  });
});

describe('articleSlotIds', () => {
  const { ads } = placedBy(BODY);

  it('lists the slots the text places in their order, then the sidebar', () => {
    expect(articleSlotIds(ads, true)).toEqual(['article-1', 'article-2', 'sidebar']);
  });

  it('leaves the sidebar out where the article turns it off, and never changes what it was given', () => {
    expect(articleSlotIds(ads, false)).toEqual(['article-1', 'article-2']);
    expect(articleSlotIds(ads, false)).not.toBe(ads);
    expect(articleSlotIds([], false)).toEqual([]);
  });
});

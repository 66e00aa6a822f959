import { describe, expect, it } from 'vitest';
import { articleSlotIds } from '../../src/lib/ads/article-slots.ts';
import type { BodyBlock } from '../../src/lib/markdown/body-blocks.ts';

const BODY: BodyBlock[] = [
  { type: 'embed', kind: 'figure', ref: 'foto' },
  { type: 'html', html: '<p>Text.</p>' },
  { type: 'embed', kind: 'ad', ref: 'article-1' },
  { type: 'embed', kind: 'teaser', ref: 'article-2' },
  { type: 'embed', kind: 'ad', ref: 'article-2' },
];

describe('articleSlotIds', () => {
  it('lists the slots the text places in their order, then the sidebar', () => {
    expect(articleSlotIds(BODY, true)).toEqual(['article-1', 'article-2', 'sidebar']);
  });

  it('leaves the sidebar out where the article turns it off', () => {
    expect(articleSlotIds(BODY, false)).toEqual(['article-1', 'article-2']);
    expect(articleSlotIds([], false)).toEqual([]);
  });
});

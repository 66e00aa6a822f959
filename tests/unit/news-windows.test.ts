import { describe, expect, it } from 'vitest';
import { FEED_SIZE, feedArticles, NEWS_SITEMAP_LIMIT, newsSitemapArticles } from '../../src/lib/news-windows.ts';

const HOUR = 60 * 60 * 1000;
const NEWEST = Date.parse('2025-01-21T15:44:00+01:00');
/** Articles `hoursBefore` the newest one, newest first; the first has only an update time. */
const articles = (hoursBefore: number[]) =>
  hoursBefore.map((hours, index) => {
    const time = new Date(NEWEST - hours * HOUR);
    return { id: `a${index}`, data: index === 0 ? { updated: time } : { published: time, updated: new Date(NEWEST + HOUR) } };
  });

describe('feedArticles', () => {
  it(`keeps the newest ${FEED_SIZE}`, () => {
    const list = Array.from({ length: 120 }, (_, index) => index);
    expect(feedArticles(list)).toEqual(list.slice(0, FEED_SIZE));
    expect(feedArticles([1, 2])).toEqual([1, 2]);
  });
});

describe('newsSitemapArticles', () => {
  it('takes the articles out within two days before the newest one, by their publication time', () => {
    const list = articles([0, 1, 47.9, 48, 48.1, 200]);
    expect(newsSitemapArticles(list).map((article) => article.id)).toEqual(['a0', 'a1', 'a2', 'a3']);
  });

  it(`holds at most ${NEWS_SITEMAP_LIMIT} even on a busy day`, () => {
    const list = articles(Array.from({ length: 1500 }, (_, index) => index / 100));
    expect(newsSitemapArticles(list)).toEqual(list.slice(0, NEWS_SITEMAP_LIMIT));
  });

  it('is empty for an empty newsroom', () => {
    expect(newsSitemapArticles([])).toEqual([]);
  });
});

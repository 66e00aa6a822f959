import { describe, expect, it } from 'vitest';
import { paginate, paginatedPaths } from '../../src/lib/pagination.ts';
import { createUrls } from '../../src/lib/urls.ts';

describe('paginate', () => {
  it('splits into full pages and a rest', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => [page.number, page.count, page.items])).toEqual([
      [1, 3, [1, 2]],
      [2, 3, [3, 4]],
      [3, 3, [5]],
    ]);
  });

  it('keeps one empty page for an empty listing', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, count: 1, items: [] }]);
  });
});

describe('paginatedPaths', () => {
  it('gives each group a path per page, the first without a page segment', () => {
    const paths = paginatedPaths(['usa', 'ukraine'], (topic) => (topic === 'usa' ? Array(25).fill(topic) : []), (topic, page) => ({ topic, page }));
    expect(paths.map((path) => path.params)).toEqual([
      { topic: 'usa', page: undefined },
      { topic: 'usa', page: 'seite/2' },
      { topic: 'ukraine', page: undefined },
    ]);
  });

  it('matches the page URLs links point to', () => {
    const urls = createUrls('/');
    expect(urls.page(urls.topic('usa'), 1)).toBe('/themen/usa/');
    expect(urls.page(urls.topic('usa'), 2)).toBe('/themen/usa/seite/2/');
  });
});

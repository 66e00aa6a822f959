import { describe, expect, it } from 'vitest';
import { archive, archiveSegment, archiveTitle, listingPaths } from '../../src/lib/archive.ts';
import { createUrls } from '../../src/lib/urls.ts';

/** Article numbers 1 … n, newest first: n is the newest. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);

const SIZES = { front: 3, archive: 3 };

describe('archive', () => {
  it('puts the newest on the front and the rest on archive pages numbered from the oldest', () => {
    const pages = archive(newestFirst(9), SIZES);
    expect(pages).toEqual([
      { number: 0, items: [9, 8, 7], older: 2 },
      { number: 1, items: [3, 2, 1], newer: 2, older: undefined },
      { number: 2, items: [6, 5, 4], newer: 0, older: 1 },
    ]);
  });

  it('fills the newest archive page last, so only it and the front change when an article comes', () => {
    const before = archive(newestFirst(10), SIZES);
    const after = archive(newestFirst(11), SIZES);
    expect(before.map((page) => page.items)).toEqual([[10, 9, 8], [3, 2, 1], [6, 5, 4], [7]]);
    expect(after.map((page) => page.items)).toEqual([[11, 10, 9], [3, 2, 1], [6, 5, 4], [8, 7]]);
    expect(after.slice(1, 3)).toEqual(before.slice(1, 3));
  });

  it('opens a new archive page when the newest is full, and the page before now points to it', () => {
    const before = archive(newestFirst(9), SIZES);
    const after = archive(newestFirst(10), SIZES);
    expect(after[3]).toEqual({ number: 3, items: [7], newer: 0, older: 2 });
    expect(after[2]).toEqual({ ...before[2], newer: 3 });
    expect(after[1]).toEqual(before[1]);
    expect(after[0].older).toBe(3);
  });

  it('is only a front while the listing fits on it, and an empty listing is still a front', () => {
    expect(archive(newestFirst(3), SIZES)).toEqual([{ number: 0, items: [3, 2, 1], older: undefined }]);
    expect(archive([], SIZES)).toEqual([{ number: 0, items: [], older: undefined }]);
  });

  it('shows twenty on the front and a hundred on an archive page unless told otherwise', () => {
    expect(archive(newestFirst(245)).map((page) => page.items.length)).toEqual([20, 100, 100, 25]);
  });

  it('sizes the front and the archive pages apart', () => {
    expect(archive(newestFirst(8), { front: 2, archive: 4 }).map((page) => page.items)).toEqual([[8, 7], [4, 3, 2, 1], [6, 5]]);
  });
});

describe('listingPaths', () => {
  it('gives each group a path per page, the front without a segment, and links only to paths that exist', () => {
    const urls = createUrls('/');
    const paths = listingPaths(['usa', 'ukraine'], (topic) => (topic === 'usa' ? newestFirst(245) : []), (topic, page) => ({ topic, page }));
    expect(paths.map((path) => path.params)).toEqual([
      { topic: 'usa', page: undefined },
      { topic: 'usa', page: 'archiv/1' },
      { topic: 'usa', page: 'archiv/2' },
      { topic: 'usa', page: 'archiv/3' },
      { topic: 'ukraine', page: undefined },
    ]);
    const served = new Set(paths.map(({ params }) => `/themen/${params.topic}/${params.page ? `${params.page}/` : ''}`));
    for (const { props } of paths) {
      const listing = urls.topic(props.group);
      expect(served).toContain(urls.page(listing, props.page.number));
      for (const linked of [props.page.newer, props.page.older]) if (linked !== undefined) expect(served).toContain(urls.page(listing, linked));
    }
  });

  it('names archive pages by segment the way links name them', () => {
    const urls = createUrls('/zeitung/');
    expect(archiveSegment(0)).toBeUndefined();
    expect(urls.page(urls.topic('usa'), 0)).toBe('/zeitung/themen/usa/');
    expect(urls.page(urls.topic('usa'), 3)).toBe(`/zeitung/themen/usa/${archiveSegment(3)}/`);
    expect(archiveTitle(3)).toBe('Archiv, Seite 3');
  });
});

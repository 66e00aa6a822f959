import { describe, expect, it } from 'vitest';
import { planSearchShards, SHARD_LIST } from '../../src/lib/search/search-shards.ts';

const articles = (count: number, prefix = 'artikel') => Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${index}` }));
const ids = (shards: { articles: { id: string }[] }[]) => shards.map((shard) => shard.articles.map((article) => article.id));

describe('planSearchShards', () => {
  it('keeps a newsroom up to the part size in one part, served from pagefind/ itself', () => {
    const shards = planSearchShards(articles(2000), 2000);
    expect(shards).toHaveLength(1);
    expect(shards[0].folder).toBe('');
    expect(shards[0].articles).toHaveLength(2000);
  });

  it('gives an empty newsroom one empty part, so search still answers', () => {
    expect(planSearchShards([], 2000)).toEqual([{ folder: '', articles: [] }]);
  });

  it('splits a larger newsroom into a power of two of parts of about the part size', () => {
    const shards = planSearchShards(articles(5000), 2000);
    expect(shards.map((shard) => shard.folder)).toEqual(['', 'teil-1/', 'teil-2/', 'teil-3/']);
    for (const shard of shards) expect(shard.articles.length).toBeGreaterThan(1000);
    expect(ids(shards).flat().sort()).toEqual(articles(5000).map((article) => article.id).sort());
  });

  it('keeps every article in its part when others are added, changed or given in another order', () => {
    const before = ids(planSearchShards(articles(5000), 2000));
    const after = ids(planSearchShards([...articles(5000)].reverse().concat(articles(10, 'neu')), 2000));
    for (const [index, part] of before.entries()) {
      expect(after[index].filter((id) => !id.startsWith('neu-'))).toEqual(part);
    }
  });

  it('lists each part’s articles in id order, whatever order they came in', () => {
    expect(ids(planSearchShards(['c', 'a', 'b'].map((id) => ({ id })), 2000))).toEqual([['a', 'b', 'c']]);
  });

  it('makes no empty parts, even with a part for every article', () => {
    // Three articles in four buckets: one bucket at least stays empty.
    const shards = planSearchShards(articles(3), 1);
    expect(shards.length).toBeLessThan(4);
    for (const shard of shards) expect(shard.articles.length).toBeGreaterThan(0);
    expect(ids(shards).flat().sort()).toEqual(['artikel-0', 'artikel-1', 'artikel-2']);
  });

  it('lists the folders of the other parts in a JSON file beside the first', () => {
    expect(SHARD_LIST).toMatch(/^[a-z-]+\.json$/);
  });

  it('refuses a part size that is not a whole number from 1', () => {
    expect(() => planSearchShards(articles(3), 0)).toThrow('not 0');
    expect(() => planSearchShards(articles(3), Number.NaN)).toThrow('not NaN');
  });
});

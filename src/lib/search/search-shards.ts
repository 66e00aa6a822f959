import { createHash } from 'node:crypto';

/** One part of the search index: the folder under `pagefind/` it is served from, and its articles. */
export interface SearchShard<Article> {
  /** '' for the part the search page loads first, `teil-N/` for those it merges in. */
  folder: string;
  articles: Article[];
}

/** The file beside the first part, under `pagefind/`, that lists the folders of the others. */
export const SHARD_LIST = 'teile.json';

const bucket = (id: string, buckets: number) => createHash('sha256').update(id).digest().readUInt32BE(0) % buckets;

/**
 * Splits the articles into parts of the search index of about `perShard` articles each.
 *
 * Pagefind holds a whole index in memory while it writes it (about half a megabyte an article),
 * and indexing is the slowest step of a build, so a large newsroom is indexed part by part and a
 * part whose articles are unchanged is taken from the last build. An article's part depends on
 * its id alone, so a correction or a new article touches one part; the number of parts is a
 * power of two and changes only when the newsroom doubles or halves.
 */
export function planSearchShards<Article extends { id: string }>(articles: readonly Article[], perShard: number): SearchShard<Article>[] {
  if (!Number.isInteger(perShard) || perShard < 1) throw new Error(`articles per search index part must be a whole number from 1, not ${perShard}`);
  let buckets = 1;
  while (articles.length > buckets * perShard) buckets *= 2;
  const lists = Array.from({ length: buckets }, (): Article[] => []);
  for (const article of [...articles].sort((a, b) => (a.id < b.id ? -1 : 1))) lists[bucket(article.id, buckets)].push(article);
  const filled = lists.filter((list) => list.length > 0);
  // An empty newsroom still gets an index, so the search page answers "0 Treffer".
  return (filled.length ? filled : [[]]).map((list, index) => ({ folder: index ? `teil-${index}/` : '', articles: list }));
}

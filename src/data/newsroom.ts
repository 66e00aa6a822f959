import { getCollection, type CollectionEntry } from 'astro:content';
import { urls } from '../consts.ts';
import { cacheKey } from '../lib/cache-key.ts';
import { newestFirst } from '../lib/listing.ts';
import { articleKey } from '../lib/pages/article-page.ts';
import type { ListingPage } from '../lib/archive.ts';

export type Article = CollectionEntry<'articles'>;

/** Everything listings, feeds and sitemaps need, read once per build. */
export async function loadNewsroom() {
  const [articles, authors, topics, sections] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('topics'),
    getCollection('sections'),
  ]);
  return {
    articles: newestFirst(articles),
    authors: new Map(authors.map((author) => [author.id, author.data])),
    topics: new Map(topics.map((topic) => [topic.id, topic.data])),
    sections: sections.map((section) => section.data),
  };
}

export const articlePath = (article: Article) => urls.article(article.data.section, article.id);


/** The data any page may show besides articles: sections, authors, topics, ad slots and partners. */
export async function siteDataKey() {
  const lists = await Promise.all((['sections', 'authors', 'topics', 'adSlots', 'partners'] as const).map((name) => getCollection(name)));
  return cacheKey(lists.map((list) => list.map((entry) => [entry.id, entry.data])));
}

/** A listing's getStaticPaths entries, each keyed by the articles its page shows and the pages it links to. */
export async function withListingKeys<Path extends { props: { page: ListingPage<Article> } }>(paths: Path[]) {
  const site = await siteDataKey();
  return paths.map((path) => {
    const { number, newer, older, items } = path.props.page;
    return { ...path, cacheKey: cacheKey(site, number, newer, older, items.map(articleKey)) };
  });
}

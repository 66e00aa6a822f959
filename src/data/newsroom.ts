import { getCollection, type CollectionEntry } from 'astro:content';
import { urls } from '../consts.ts';
import { newestFirst } from '../lib/listing.ts';

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

/** An absolute URL on this site, for feeds, sitemaps and structured data. */
export const absolute = (path: string, site: URL | undefined) => {
  if (!site) throw new Error('Set `site` in astro.config.mjs (SITE_URL): feeds and sitemaps need absolute URLs');
  return new URL(path, site).href;
};

import { earliestKnownTime, type ArticleTimes } from './dates.ts';

/** Items in the RSS feed: readers fetch it every few minutes and want what is new, not the archive. */
export const FEED_SIZE = 50;

/** Google News reads at most 1,000 URLs from a news sitemap … */
export const NEWS_SITEMAP_LIMIT = 1000;
/** … and only articles of the last two days. */
export const NEWS_SITEMAP_SPAN_MS = 2 * 24 * 60 * 60 * 1000;

/** The newest articles for the feed, from a list sorted newest first. */
export const feedArticles = <T>(newestFirst: readonly T[]): T[] => newestFirst.slice(0, FEED_SIZE);

/**
 * The articles of the Google News sitemap, from a list sorted newest first: those that came out
 * within two days before the newest one, at most 1,000. The span is measured from the newest
 * article, not from the build machine's clock, so that one commit always builds the same file.
 */
export function newsSitemapArticles<T extends { data: ArticleTimes }>(newestFirst: readonly T[]): T[] {
  if (newestFirst.length === 0) return [];
  const since = earliestKnownTime(newestFirst[0].data).getTime() - NEWS_SITEMAP_SPAN_MS;
  const recent = newestFirst.findIndex((article) => earliestKnownTime(article.data).getTime() < since);
  return newestFirst.slice(0, Math.min(recent === -1 ? newestFirst.length : recent, NEWS_SITEMAP_LIMIT));
}

import { type ArticleTimes, formatBerlinDateTime } from '../dates.ts';
import { type Unpublished, unpublishedLabel } from './publication.ts';

/**
 * The longest headline (`kicker: title`, as the page title, Open Graph, the feed, the Google
 * News sitemap and JSON-LD carry it): Google's limit for a NewsArticle `headline`. Search
 * results show about the first 60 of them, so the words that matter go first.
 */
export const HEADLINE_LIMIT = 110;
/**
 * The longest lead: it is also the page's description, and search results and link previews
 * show at most about 320 characters of one (usually half). On a phone that is already ten
 * lines above the first paragraph.
 */
export const LEAD_LIMIT = 320;

/** What the checks read of an article: its front matter as stored. */
export interface CheckedArticle extends ArticleTimes {
  kicker: string;
  title: string;
  lead: string;
  related: readonly { article?: string }[];
}

/** A doubt about an article, at the front-matter path of the field concerned. */
export interface EditorWarning {
  path: (string | number)[];
  problem: string;
}

/**
 * What an editor would want to fix before publishing, none of which stops a build: a headline
 * or lead too long for search results, an update time still to come on an article that is out
 * (its page would show it; an embargo goes by the publication), and a teaser whose article
 * readers cannot see yet.
 */
export function editorWarnings(article: CheckedArticle, unpublished: ReadonlyMap<string, Unpublished>, now: Date): EditorWarning[] {
  const warnings: EditorWarning[] = [];
  const { published, updated } = article;
  if (published && updated && published.getTime() <= now.getTime() && updated.getTime() > now.getTime()) {
    warnings.push({
      path: ['updated'],
      problem: `${formatBerlinDateTime(updated)} has not come yet, but the article is out since ${formatBerlinDateTime(published)}: its page shows an update still to come`,
    });
  }
  const headline = `${article.kicker}: ${article.title}`;
  if (headline.length > HEADLINE_LIMIT) {
    warnings.push({
      path: ['title'],
      problem: `the headline „${headline}“ has ${headline.length} characters with its kicker; search engines take ${HEADLINE_LIMIT} at most`,
    });
  }
  if (article.lead.length > LEAD_LIMIT) {
    warnings.push({
      path: ['lead'],
      problem: `has ${article.lead.length} characters; search results and link previews cut a description after ${LEAD_LIMIT} at most`,
    });
  }
  article.related.forEach(({ article: slug }, index) => {
    const publication = slug && unpublished.get(slug);
    if (publication) {
      warnings.push({
        path: ['related', index, 'article'],
        problem: `"${slug}" is not published (${unpublishedLabel(publication)}): until it is, the teaser is shown without a link`,
      });
    }
  });
  return warnings;
}

import type { LoaderContext } from 'astro/loaders';
import { type Publishable, publicationAt, type Unpublished, unpublishedLabel } from '../../lib/content/publication.ts';
import type { LoadedArticle } from './entries.ts';

/**
 * The articles readers may see at `now`, and why the others are held back. Whether an article
 * is out is decided on every sync: an embargo ends without its file changing. A build leaves
 * drafts and articles under embargo out, saying so; the preview (`astro dev`) keeps them.
 */
export function publishedArticles(articles: readonly LoadedArticle[], now: Date, preview: boolean, logger: LoaderContext['logger']) {
  const unpublished = unpublishedArticles(articles, now);
  const kept = articles.filter(({ id, filePath }) => {
    const publication = unpublished.get(id);
    if (!publication || preview) return true;
    logger.info(`${filePath}: ${unpublishedLabel(publication)}; left out of this build`);
    return false;
  });
  return { kept, unpublished };
}

/** The articles readers may not see yet at `now`, by id, and why. */
export function unpublishedArticles(articles: readonly LoadedArticle[], now: Date): Map<string, Unpublished> {
  const unpublished = new Map<string, Unpublished>();
  for (const article of articles) {
    const publication = publicationAt(article.data as Publishable, now);
    if (publication.state !== 'published') unpublished.set(article.id, publication);
  }
  return unpublished;
}

import { type ArticleTimes, earliestKnownTime, formatBerlinDateTime } from '../dates.ts';

/** Whether readers may see an article at a given moment, and if not, why not. */
export type Publication = { state: 'published' } | { state: 'draft' } | { state: 'embargoed'; until: Date };
export type Unpublished = Exclude<Publication, { state: 'published' }>;

export interface Publishable extends ArticleTimes {
  draft?: boolean;
}

/**
 * A draft is never published. Any other article is published from the earliest time it
 * claims to be out (its publication time, else its update time): before that it is under
 * embargo. An update time still to come on an article already out is the editor's to fix
 * (src/lib/content/editor-checks.ts): holding the article back would take it off the site.
 */
export function publicationAt(article: Publishable, now: Date): Publication {
  if (article.draft) return { state: 'draft' };
  const release = earliestKnownTime(article);
  return release.getTime() > now.getTime() ? { state: 'embargoed', until: release } : { state: 'published' };
}

/** „Entwurf“ or „Sperrfrist bis 22.01.2025 - 06:00 Uhr“: how the preview marks an unpublished article. */
export function unpublishedLabel(publication: Unpublished): string {
  return publication.state === 'draft' ? 'Entwurf' : `Sperrfrist bis ${formatBerlinDateTime(publication.until)}`;
}

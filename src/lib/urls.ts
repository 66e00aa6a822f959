import { archiveSegment } from './archive.ts';

/**
 * The URL map in one place, so a page and every link to it agree. Paths end in a slash, as
 * static hosts serve folders, and carry the configured base, so the site also works under a
 * sub-path.
 */
export function createUrls(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  const at = (...segments: string[]) => `${root}${segments.map((segment) => `${segment}/`).join('')}`;
  return {
    home: () => root,
    section: (sectionId: string) => at(sectionId),
    article: (sectionId: string, slug: string) => at(sectionId, slug),
    topic: (topicId: string) => at('themen', topicId),
    author: (authorId: string) => at('autoren', authorId),
    /** Page `number` of the listing at `listing`: 0 is its front, 3 e.g. /themen/usa/archiv/3/. */
    page: (listing: string, number: number) => {
      const segment = archiveSegment(number);
      return segment ? `${listing}${segment}/` : listing;
    },
    /** A file from public/, such as the favicon. */
    file: (name: string) => `${root}${name}`,
  };
}

export type Urls = ReturnType<typeof createUrls>;

/** An absolute URL on this site, for feeds, sitemaps and structured data. */
export const absolute = (path: string, site: URL | undefined) => {
  if (!site) throw new Error('Set `site` in astro.config.mjs (SITE_URL): feeds and sitemaps need absolute URLs');
  return new URL(path, site).href;
};

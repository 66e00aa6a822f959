import type { Crumb } from './breadcrumb.ts';

export interface ImageRef {
  url: string;
  width: number;
  height: number;
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  images: ImageRef[];
  /** Unknown for some wire copy; then only dateModified is claimed. */
  published?: Date;
  modified?: Date;
  authors: { name: string; url: string }[];
  section: string;
  keywords: string[];
  publisher: { name: string; url: string; logo: ImageRef };
}

const imageObject = ({ url, width, height }: ImageRef) => ({ '@type': 'ImageObject', url, width, height });

/** schema.org NewsArticle, the structured data search engines read for news. */
export function newsArticleJsonLd(article: NewsArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    headline: article.headline,
    description: article.description,
    image: article.images.map(imageObject),
    ...(article.published && { datePublished: article.published.toISOString() }),
    ...(article.modified && { dateModified: article.modified.toISOString() }),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
    publisher: {
      '@type': 'Organization',
      name: article.publisher.name,
      url: article.publisher.url,
      logo: imageObject(article.publisher.logo),
    },
    articleSection: article.section,
    keywords: article.keywords,
    inLanguage: 'de-DE',
    isAccessibleForFree: true,
  };
}

/** schema.org BreadcrumbList; the last crumb, the page itself, gets the page's own URL. */
export function breadcrumbJsonLd(trail: Crumb[], pageUrl: string, site: URL | string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.href ? new URL(crumb.href, site).href : pageUrl,
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so that no text in the data,
 * such as a headline containing "</script>", can end the script element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}

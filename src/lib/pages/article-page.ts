import { articleSlotIds, SIDEBAR_SLOT } from '../ads/article-slots.ts';
import type { AdFormat } from '../ads/formats.ts';
import { type Bookable, chooseHouseAds } from '../ads/house-ad-choice.ts';
import { breadcrumbTrail, type Section, sectionPath } from '../breadcrumb.ts';
import { cacheKey } from '../cache-key.ts';
import { type ImageRef, breadcrumbJsonLd, newsArticleJsonLd } from '../json-ld.ts';
import type { Placed } from '../markdown/body-blocks.ts';
import { absolute, type Urls } from '../urls.ts';

/** What the article page reads of an article entry. */
export interface ArticleEntry {
  id: string;
  digest?: string | number;
  data: {
    kicker: string;
    title: string;
    lead: string;
    section: string;
    /** What its body places (the body itself is read by its own page only). */
    placed: Placed;
    related: readonly { id: string; kicker: string; title: string; article?: string }[];
    ads: { sidebar: boolean; partners: boolean };
    published?: Date;
    updated?: Date;
  };
}

/** A house ad as the page shows it; its photo is named by `image.src`, which changes with the file. */
export type PlacedHouseAd = Bookable & { image: { src: string } };

/** A slot's format and the house ad chosen for it at build time, if any runs that fits. */
export interface PlacedAd<Ad> {
  format: AdFormat;
  houseAd?: Ad;
}

/** An article as cache keys see it: the loader's digest of its file and its photos. */
export const articleKey = (article: Pick<ArticleEntry, 'id' | 'digest'>) => [article.id, article.digest];

/**
 * The article pages of the collection, each with what it shows beyond its article: the sections
 * its teasers link into, its ad slots with the house ad chosen for each at `now`, and a cache key
 * of all of that (`siteKey` names the data every page may show).
 */
export function articlePages<Article extends ArticleEntry, Ad extends PlacedHouseAd>({
  articles,
  formats,
  houseAds,
  siteKey,
  now,
}: {
  articles: readonly Article[];
  /** The format of each ad slot, by id. */
  formats: ReadonlyMap<string, AdFormat>;
  houseAds: readonly Ad[];
  siteKey: string;
  now: Date;
}) {
  const sectionOf = new Map(articles.map((article) => [article.id, article.data.section]));
  return articles.map((article) => {
    const { section, ads: settings, placed } = article.data;
    // Teasers link to related articles, whose address moves with their section; one that is not
    // in the collection (a draft or under embargo, in a build) has none.
    const targetSections = article.data.related.map((related) => related.article && sectionOf.get(related.article));
    const slots = articleSlotIds(placed.ads, settings.sidebar && formats.has(SIDEBAR_SLOT)).map((id) => ({ id, format: formats.get(id)! }));
    const chosen = chooseHouseAds(slots, houseAds, `/${section}/${article.id}/`, now);
    const ads = new Map<string, PlacedAd<Ad>>(slots.map(({ id, format }) => [id, { format, houseAd: chosen.get(id) }]));
    return {
      params: { section, article: article.id },
      props: { article, targetSections, ads },
      // The house ads shown go in with their photos' names, which change with the files.
      cacheKey: cacheKey(siteKey, articleKey(article), targetSections, [...chosen].map(([slot, ad]) => [slot, { ...ad, image: ad.image.src }])),
    };
  });
}

/** A teaser of a related article, linked where that article is in the collection. */
export interface Teaser {
  kicker: string;
  title: string;
  target?: { section: string; id: string };
}

/**
 * What the article page shows besides the article's own fields: its headline, teasers, the
 * topics and whether the body places them, the breadcrumb, and the structured data for search
 * engines (NewsArticle and BreadcrumbList).
 */
export function articleView({
  article,
  targetSections,
  sections,
  authors,
  topics,
  pageUrl,
  site,
  urls,
  shareImages,
  publisher,
}: {
  article: ArticleEntry;
  targetSections: readonly (string | undefined)[];
  sections: readonly Section[];
  authors: readonly { id: string; name: string }[];
  topics: readonly { name: string }[];
  /** The page's absolute address. */
  pageUrl: string;
  site: URL;
  urls: Urls;
  shareImages: readonly ImageRef[];
  publisher: { name: string; logo: Omit<ImageRef, 'url'> & { file: string } };
}) {
  const { data } = article;
  const teasers = new Map<string, Teaser>();
  data.related.forEach((related, index) => {
    const section = targetSections[index];
    teasers.set(related.id, { kicker: related.kicker, title: related.title, target: section && related.article ? { section, id: related.article } : undefined });
  });
  const headline = `${data.kicker}: ${data.title}`;
  const trail = breadcrumbTrail(data.section, sections, urls, headline);
  const section = sectionPath(data.section, sections).at(-1)!.name;
  const authorUrls = authors.map((author) => absolute(urls.author(author.id), site));
  const keywords = topics.map((topic) => topic.name);
  const { file, ...logo } = publisher.logo;
  const jsonLd = [
    newsArticleJsonLd({
      url: pageUrl,
      headline,
      description: data.lead,
      images: [...shareImages],
      published: data.published,
      modified: data.updated,
      authors: authors.map((author, index) => ({ name: author.name, url: authorUrls[index] })),
      section,
      keywords,
      publisher: { name: publisher.name, url: absolute(urls.home(), site), logo: { ...logo, url: absolute(urls.file(file), site) } },
    }),
    breadcrumbJsonLd(trail, pageUrl, site),
  ];
  return {
    headline,
    teasers,
    // Topics the body does not place with `::topics` follow the text.
    topicsPlaced: data.placed.topics,
    trail,
    section,
    authorUrls,
    keywords,
    jsonLd,
  };
}

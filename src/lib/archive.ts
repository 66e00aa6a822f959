/**
 * Articles a listing's front shows with their leads, a screenful or two on a phone; and those an
 * archive page lists by headline, as newspapers' archives do: a day or two of a busy section.
 */
export const PAGE_SIZES = { front: 20, archive: 100 };

/** One page of a listing: its front, the newest articles, or one of its archive pages. */
export interface ListingPage<T> {
  /** 0 for the front; archive pages count from 1, the page of the oldest articles. */
  number: number;
  /** Newest first. */
  items: T[];
  /** The page with the next newer articles (0: the front); the front has none. */
  newer?: number;
  /** The page with the next older articles; the oldest page has none. */
  older?: number;
}

/**
 * Splits a listing, newest first, into its front (the newest articles) and archive pages of the
 * rest, numbered from the oldest. A new article changes the front and the newest archive page
 * (and the one before, whose „Neuere Artikel“ link moves on when a new page opens); every
 * other archive page stays as it was, byte for byte, on the CDN and in the incremental build.
 * An empty listing is still a front.
 */
export function archive<T>(newestFirst: readonly T[], sizes = PAGE_SIZES): ListingPage<T>[] {
  const oldestFirst = newestFirst.slice(sizes.front).reverse();
  const count = Math.ceil(oldestFirst.length / sizes.archive);
  const pages = Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    items: oldestFirst.slice(index * sizes.archive, (index + 1) * sizes.archive).reverse(),
    newer: index + 1 < count ? index + 2 : 0,
    older: index > 0 ? index : undefined,
  }));
  return [{ number: 0, items: newestFirst.slice(0, sizes.front), older: count > 0 ? count : undefined }, ...pages];
}

/** The path segment that follows a listing's own path: none for the front, "archiv/3" after. */
export const archiveSegment = (number: number) => (number === 0 ? undefined : `archiv/${number}`);

/**
 * getStaticPaths entries for listings: one entry a page of each group (section, topic,
 * author), its params made by `paramsOf` from the page's path segment.
 */
export function listingPaths<Group, Item, Params>(
  groups: readonly Group[],
  itemsOf: (group: Group) => readonly Item[],
  paramsOf: (group: Group, segment: string | undefined) => Params,
) {
  return groups.flatMap((group) =>
    archive(itemsOf(group)).map((page) => ({ params: paramsOf(group, archiveSegment(page.number)), props: { group, page } })),
  );
}

/** How an archive page names itself in its title, breadcrumb and page links. */
export const archiveTitle = (number: number) => `Archiv, Seite ${number}`;

/** Articles per listing page: a screenful or two on a phone, one request each. */
export const PAGE_SIZE = 20;

export interface Page<T> {
  /** 1-based. */
  number: number;
  count: number;
  items: T[];
}

/** Splits a listing into pages; an empty listing is still one (empty) page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    number: index + 1,
    count,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

/** The path segment that follows a listing's own path: none for page 1, "seite/2" after. */
export const pageSegment = (number: number) => (number === 1 ? undefined : `seite/${number}`);

/**
 * getStaticPaths entries for listings that may run over several pages: one entry a page of each
 * group (section, topic, author), its params made by `paramsOf` from the page's path segment.
 */
export function paginatedPaths<Group, Item, Params>(
  groups: readonly Group[],
  itemsOf: (group: Group) => readonly Item[],
  paramsOf: (group: Group, segment: string | undefined) => Params,
) {
  return groups.flatMap((group) =>
    paginate(itemsOf(group)).map((page) => ({ params: paramsOf(group, pageSegment(page.number)), props: { group, page } })),
  );
}

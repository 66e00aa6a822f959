/** Ids that articles may refer to, by what they name. */
export interface KnownIds {
  /** Slugs of the articles in the collection, for related-article links. */
  articles: readonly string[];
  authors: readonly string[];
  topics: readonly string[];
  sections: readonly string[];
  adSlots: readonly string[];
}

import { readYamlList } from './data-file.ts';

/** Ids that articles may refer to, by what they name. */
export interface KnownIds {
  /** Slugs of the articles in the collection, for related-article links. */
  articles: readonly string[];
  authors: readonly string[];
  topics: readonly string[];
  sections: readonly string[];
  adSlots: readonly string[];
}

/** Reads the ids of a YAML list of `{ id: … }` records, e.g. content/authors.yaml. */
export const readIds = (file: string): string[] => readYamlList(file).entries.map((entry) => entry.id);

import type { KnownIds } from '../../lib/content/known-ids.ts';
import { readIds } from '../data-files.ts';

/** The YAML lists whose ids articles may refer to, relative to the project root. */
export type Inventory = Record<Exclude<keyof KnownIds, 'articles'>, string>;

/** The ids articles may refer to: the other articles' slugs, and the records of the lists. */
export function readKnownIds(inventory: Inventory, articles: string[]): KnownIds {
  return {
    articles,
    authors: readIds(inventory.authors),
    topics: readIds(inventory.topics),
    sections: readIds(inventory.sections),
    adSlots: readIds(inventory.adSlots),
  };
}

import type { DataStore } from 'astro/loaders';

type Entry = Parameters<DataStore['set']>[0];

/**
 * Makes `store` hold exactly `entries`, and tells whether that changed it. Astro writes its whole
 * content store to disk (tens of megabytes with an archive's articles) whenever one entry
 * changes: an entry set with the digest it already has, unlike clearing and setting again,
 * changes nothing.
 */
export function replaceEntries(store: DataStore, entries: readonly Entry[]): boolean {
  const ids = new Set(entries.map((entry) => entry.id));
  const gone = [...store.keys()].filter((id) => !ids.has(id));
  for (const id of gone) store.delete(id);
  // Every entry is set, changed or not: no `some()` that would stop at the first change.
  const set = entries.map((entry) => store.set(entry));
  return gone.length > 0 || set.includes(true);
}

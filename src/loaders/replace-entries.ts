import type { DataStore } from 'astro/loaders';

type Entry = Parameters<DataStore['set']>[0];

/**
 * Makes `store` hold exactly `entries`. Astro writes its whole content store to disk (tens of
 * megabytes with an archive's articles) whenever one entry changes: an entry set with the digest
 * it already has, unlike clearing and setting again, changes nothing.
 */
export function replaceEntries(store: DataStore, entries: readonly Entry[]) {
  const ids = new Set(entries.map((entry) => entry.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const entry of entries) store.set(entry);
}

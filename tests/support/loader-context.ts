import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { LoaderContext } from 'astro/loaders';

interface Entry {
  id: string;
  digest?: string | number;
}

/**
 * What Astro hands a content loader, for unit tests: a store over a Map, the collection's schema
 * check (`parseData`, by default the data as it is), a SHA-256 digest, a cache folder, a logger
 * that records and, under `astro dev`, a watcher the test fires as an editor's saves would.
 */
export function fakeLoaderContext<Stored extends Entry>({
  dev = false,
  cacheDir = new URL('file:///tmp/'),
  parseData = async ({ data }) => data,
  stored = [],
}: {
  dev?: boolean;
  cacheDir?: URL;
  parseData?: (entry: { id: string; data: Record<string, unknown> }) => Promise<unknown>;
  stored?: Stored[];
} = {}) {
  const entries = new Map<string, Stored>(stored.map((entry) => [entry.id, entry]));
  /** The ids written to the store, in order. */
  const written: string[] = [];
  /** The ids the loader asked to delete, in order: to Astro any delete is a change to write. */
  const deleted: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    // As Astro's: an entry set again with the digest it has changes nothing.
    set: (entry: Stored) => {
      const existing = entries.get(entry.id);
      if (existing && entry.digest !== undefined && existing.digest === entry.digest) return false;
      written.push(entry.id);
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      deleted.push(id);
      return entries.delete(id);
    },
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
  };
  /** What the loader asked to digest, in order. */
  const digested: string[] = [];
  const generateDigest = (input: string | object) => {
    const text = typeof input === 'string' ? input : JSON.stringify(input);
    digested.push(text);
    return createHash('sha256').update(text).digest('base64url');
  };
  /** Each message with its level, e.g. `warn content/articles/x.md:4: lead: …`. */
  const logged: string[] = [];
  const logger = {
    info: (message: string) => logged.push(`info ${message}`),
    warn: (message: string) => logged.push(`warn ${message}`),
    error: (message: string) => logged.push(`error ${message}`),
  };
  const watcher = Object.assign(new EventEmitter(), { watched: [] as string[], add: (paths: string[]) => watcher.watched.push(...paths) });
  const context = {
    store,
    parseData,
    generateDigest,
    config: { cacheDir },
    logger,
    watcher: dev ? watcher : undefined,
  } as unknown as LoaderContext;
  return { context, entries, written, deleted, digested, logged, watcher };
}

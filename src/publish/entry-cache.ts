import { V8Files } from './v8-files.ts';

export interface CachedEntry {
  digest: string;
  data: Record<string, unknown>;
}

/**
 * The entries a loader made, one file each in the cache folder, by digest. `astro dev` and
 * `astro build` keep content stores of their own, so the first start of one after the other
 * would render every article again; with these it renders only what changed.
 */
export class EntryCache {
  readonly #files: V8Files<CachedEntry>;

  constructor(folder: string) {
    this.#files = new V8Files(folder);
  }

  get(id: string): CachedEntry | undefined {
    try {
      return this.#files.read(id);
    } catch {
      // Never made, or not whole: made again.
    }
    return undefined;
  }

  set(id: string, entry: CachedEntry) {
    this.#files.write(id, entry);
  }

  /** Forgets the entries whose ids are not in `ids`, and what killed builds left half-written. */
  keepOnly(ids: ReadonlySet<string>) {
    this.#files.keepOnly(ids);
  }
}

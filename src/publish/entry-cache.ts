import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeAtomic } from './disk.ts';

export interface CachedEntry {
  digest: string;
  data: Record<string, unknown>;
}

/**
 * The entries a loader made, one file each in the cache folder, by digest. `astro dev` and
 * `astro build` keep content stores of their own, so the first start of one after the other
 * would render every article again; with these it renders only what changed. The files are
 * V8's own serialisation, which keeps dates as dates.
 */
export class EntryCache {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  #file = (id: string) => join(this.folder, `${id}.v8`);

  get(id: string): CachedEntry | undefined {
    try {
      return deserialize(readFileSync(this.#file(id))) as CachedEntry;
    } catch {
      // Never made, or not whole: made again.
    }
    return undefined;
  }

  set(id: string, entry: CachedEntry) {
    writeAtomic(this.#file(id), serialize(entry));
  }

  /** Forgets the entries whose ids are not in `ids`. */
  keepOnly(ids: ReadonlySet<string>) {
    if (!existsSync(this.folder)) return;
    for (const name of readdirSync(this.folder).filter((file) => file.endsWith('.v8'))) {
      if (!ids.has(name.slice(0, -'.v8'.length))) rmSync(join(this.folder, name));
    }
  }
}

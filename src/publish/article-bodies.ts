import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BodyBlock } from '../lib/markdown/body-blocks.ts';
import { pruneStore } from './disk.ts';
import { CACHE_DIR, cacheFiles } from './state.ts';
import { V8Files } from './v8-files.ts';

/**
 * The rendered bodies of articles, one file each, named by the digest of the entry they belong
 * to, and kept out of Astro's content store: Astro writes that store whole and loads it whole
 * again after every save under `astro dev`, and the bodies would be almost all of it (15 KB of an
 * article's 16). The article page reads its body from here; a digest names one body only, so the
 * page never gets another version's.
 */
export class ArticleBodies {
  readonly #files: V8Files<BodyBlock[]>;

  constructor(folder: string) {
    this.#files = new V8Files(folder);
  }

  get folder(): string {
    return this.#files.folder;
  }

  /** The digests whose bodies are here: one read of the folder. */
  held(): Set<string> {
    return new Set(this.#files.keys());
  }

  set(digest: string, body: BodyBlock[]) {
    this.#files.write(digest, body);
  }

  /** The body of the entry with `digest`; `file` names the article in the error if it is gone. */
  get(digest: string, file: string): BodyBlock[] {
    try {
      return this.#files.read(digest);
    } catch (error) {
      throw new Error(`${file}: its rendered body (${this.#files.path(digest)}) could not be read; the next sync or build renders it again`, { cause: error });
    }
  }

  /**
   * Removes the bodies whose digests are not in `digests`, but none written since `since` (ms):
   * the dev server and a build sync each their own way, and one may just have rendered a save
   * the other has not read yet.
   */
  keepOnly(digests: ReadonlySet<string>, since: number) {
    if (existsSync(this.folder)) pruneStore(this.folder, new Set([...digests].map(this.#files.name)), since);
  }
}

/** The bodies the article loader wrote, for the pages Astro renders in the project folder. */
export const articleBodies = () => new ArticleBodies(cacheFiles(resolve(CACHE_DIR)).articleBodies);

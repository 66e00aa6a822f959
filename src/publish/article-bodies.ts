import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { BodyBlock } from '../lib/markdown/body-blocks.ts';
import { pruneStore, writeAtomic } from './disk.ts';
import { CACHE_DIR, cacheFiles } from './state.ts';

const SUFFIX = '.v8';

/**
 * The rendered bodies of articles, one file each, named by the digest of the entry they belong
 * to, and kept out of Astro's content store: Astro writes that store whole and loads it whole
 * again after every save under `astro dev`, and the bodies would be almost all of it (15 KB of an
 * article's 16). The article page reads its body from here; a digest names one body only, so the
 * page never gets another version's.
 */
export class ArticleBodies {
  readonly folder: string;

  constructor(folder: string) {
    this.folder = folder;
  }

  #file = (digest: string) => join(this.folder, `${digest}${SUFFIX}`);

  /** The digests whose bodies are here: one read of the folder. */
  held(): Set<string> {
    if (!existsSync(this.folder)) return new Set();
    return new Set(
      readdirSync(this.folder)
        .filter((name) => name.endsWith(SUFFIX))
        .map((name) => name.slice(0, -SUFFIX.length)),
    );
  }

  set(digest: string, body: readonly BodyBlock[]) {
    writeAtomic(this.#file(digest), serialize(body));
  }

  /** The body of the entry with `digest`; `file` names the article in the error if it is gone. */
  get(digest: string, file: string): BodyBlock[] {
    try {
      return deserialize(readFileSync(this.#file(digest))) as BodyBlock[];
    } catch (error) {
      throw new Error(`${file}: its rendered body (${this.#file(digest)}) could not be read; the next sync or build renders it again`, { cause: error });
    }
  }

  /**
   * Removes the bodies whose digests are not in `digests`, but none written since `since` (ms):
   * the dev server and a build sync each their own way, and one may just have rendered a save
   * the other has not read yet.
   */
  keepOnly(digests: ReadonlySet<string>, since: number) {
    if (existsSync(this.folder)) pruneStore(this.folder, new Set([...digests].map((digest) => `${digest}${SUFFIX}`)), since);
  }
}

/** The bodies the article loader wrote, for the pages Astro renders in the project folder. */
export const articleBodies = () => new ArticleBodies(cacheFiles(resolve(CACHE_DIR)).articleBodies);

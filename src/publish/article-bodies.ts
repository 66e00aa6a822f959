import { resolve } from 'node:path';
import type { BodyBlock } from '../lib/markdown/body-blocks.ts';
import { newerBodies } from './handover.ts';
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

  /**
   * Whether the body of `digest` is here. One look for each article costs less than listing the
   * folder, which under `astro dev` keeps every version of a body until the next build.
   */
  has(digest: string): boolean {
    return this.#files.has(digest);
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
   * The body the article page shows: the one its entry names, or a newer one that a save under
   * `astro dev` rendered without changing the entry (loaders/articles/body-saves.ts).
   */
  shown(article: { id: string; digest?: string | number; filePath?: string }): BodyBlock[] {
    return this.get(newerBodies().get(article.id) ?? String(article.digest), String(article.filePath));
  }

  /**
   * Removes the bodies whose digests are not in `digests`, but none written since `since` (ms):
   * the dev server and a build sync each their own way, and one may just have rendered a save
   * the other has not read yet.
   */
  keepOnly(digests: ReadonlySet<string>, since: number) {
    this.#files.keepOnly(digests, since);
  }
}

/** The bodies the article loader wrote, for the pages Astro renders in the project folder. */
export const articleBodies = () => new ArticleBodies(cacheFiles(resolve(CACHE_DIR)).articleBodies);


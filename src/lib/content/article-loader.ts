import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { type KnownIds, readIds } from './known-ids.ts';
import { readArticle } from './read-article.ts';

export interface ArticleLoaderOptions {
  /** Folder of the article markdown files, relative to the project root. */
  directory: string;
  /** The YAML lists whose ids articles may refer to, relative to the project root. */
  inventory: Record<keyof KnownIds, string>;
}

function readKnownIds(inventory: ArticleLoaderOptions['inventory']): KnownIds {
  return {
    authors: readIds(inventory.authors),
    topics: readIds(inventory.topics),
    sections: readIds(inventory.sections),
    adSlots: readIds(inventory.adSlots),
  };
}

/**
 * Loads `content/articles/*.md` through our own markdown pipeline. An entry is rendered again
 * only when its file or the inventory it refers to changed, so warm builds skip the pipeline.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  async function sync({ store, parseData, generateDigest }: LoaderContext) {
    const known = readKnownIds(options.inventory);
    const inventoryDigest = generateDigest(JSON.stringify(known));
    const files = readdirSync(options.directory).filter((name) => name.endsWith('.md')).sort();
    const seen = new Set<string>();
    for (const name of files) {
      const filePath = join(options.directory, name);
      const source = readFileSync(filePath, 'utf8');
      const digest = generateDigest(`${inventoryDigest}\n${source}`);
      const id = name.slice(0, -'.md'.length);
      seen.add(id);
      if (store.get(id)?.digest === digest) continue;
      const article = readArticle(filePath, source, known);
      const data = await parseData({ id, data: article.data, filePath });
      store.set({ id, data, body: source, filePath, digest });
    }
    for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
  }

  return {
    name: 'article-loader',
    async load(context) {
      await sync(context);
      const watched = [options.directory, ...Object.values(options.inventory)].map((path) => resolve(path));
      context.watcher?.add(watched);
      context.watcher?.on('all', (_event, changed) => {
        if (!watched.some((path) => !relative(path, changed).startsWith('..'))) return;
        sync(context).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

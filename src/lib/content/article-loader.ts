import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listArticleFiles } from './article-files.ts';
import { type KnownIds, readIds } from './known-ids.ts';
import { readArticle } from './read-article.ts';

export interface ArticleLoaderOptions {
  /** Folder of the article markdown files, relative to the project root. */
  directory: string;
  /** The YAML lists whose ids articles may refer to, relative to the project root. */
  inventory: Record<Exclude<keyof KnownIds, 'articles'>, string>;
}

function readKnownIds(inventory: ArticleLoaderOptions['inventory'], articles: string[]): KnownIds {
  return {
    articles,
    authors: readIds(inventory.authors),
    topics: readIds(inventory.topics),
    sections: readIds(inventory.sections),
    adSlots: readIds(inventory.adSlots),
  };
}

/**
 * Loads `content/articles/*.md` through our own markdown pipeline, checking each article against
 * the schema and against the authors, topics, sections and ad slots that exist.
 */
export function articleLoader(options: ArticleLoaderOptions): Loader {
  async function sync({ store, parseData }: LoaderContext) {
    const files = listArticleFiles(options.directory);
    const ids = files.map((file) => file.id);
    const known = readKnownIds(options.inventory, ids);
    for (const { id, filePath } of files) {
      const source = readFileSync(filePath, 'utf8');
      const article = readArticle(filePath, source, known);
      const data = await parseData({ id, data: article.data, filePath });
      store.set({ id, data, body: source, filePath });
    }
    for (const id of store.keys()) if (!ids.includes(id)) store.delete(id);
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

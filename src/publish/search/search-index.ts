import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { partialOf } from '../disk.ts';
import { linkFolder, pruneStore, sameFile } from '../disk.ts';
import { cacheKey } from '../../lib/cache-key.ts';
import { installedPackages } from '../installed-packages.ts';
import { searchDocument } from '../../lib/search/search-document.ts';
import { planSearchShards, SHARD_LIST } from '../../lib/search/search-shards.ts';
import type { SearchableArticle } from '../../lib/search/search-document.ts';
import { searchableArticles } from '../handover.ts';
import { createUrls } from '../../lib/urls.ts';
import { cacheFiles } from '../state.ts';

export interface SearchIndexOptions {
  /**
   * About how many articles one part of the index holds. Smaller parts need less memory to
   * build and less work after a correction; each part is one more file set a search loads.
   */
  articlesPerShard: number;
}

// Addresses from the site root: Pagefind's script adds the base path it is served under.
const urls = createUrls('/');

const PAGEFIND_CONFIG = {};
/** The file of a part that Pagefind reads first. */
const ENTRY = 'pagefind-entry.json';
/** The code that turns an article into the page the index reads, part of every part's digest. */
const DOCUMENT_CODE = ['../../lib/search/search-document.ts', '../../lib/xml.ts', '../../lib/urls.ts'].map((path) => readFileSync(new URL(path, import.meta.url), 'utf8'));

interface Document {
  url: string;
  content: string;
}

/** Writes one part of the index into `folder`, in a Pagefind process that ends with it. */
async function writeShard(documents: readonly Document[], folder: string) {
  try {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
    if (!index) throw new Error(errors.join('; '));
    const added = await Promise.all(documents.map((document) => index.addHTMLFile(document)));
    const failed = [...added.flatMap((result) => result.errors), ...(await index.writeFiles({ outputPath: folder })).errors];
    if (failed.length) throw new Error(failed.join('; '));
  } finally {
    // Pagefind keeps a written index in memory until its process ends.
    await pagefind.close();
  }
}

/**
 * Makes every part of the index in `store`, named by a digest of its articles, and resolves
 * with where each part is served from and where it was made. A part made by an earlier build
 * from the same articles is not made again.
 */
async function writeIndex(articles: readonly SearchableArticle[], options: SearchIndexOptions, store: string) {
  const salt = [JSON.stringify(PAGEFIND_CONFIG), installedPackages(), ...DOCUMENT_CODE].join('\0');
  const shards = [];
  for (const shard of planSearchShards(articles, options.articlesPerShard)) {
    // The articles' own digests name a part: making its documents only to compare them would
    // cost every build as much as the rest of a rebuild.
    const made = join(store, cacheKey(salt, shard.articles.map(({ id, digest }) => [id, digest])));
    if (!existsSync(made)) {
      const documents = shard.articles.map((article) => ({ url: urls.article(article.section, article.id), content: searchDocument(article) }));
      // Made aside and renamed whole, so a build that stops half-way leaves no broken part behind.
      const partial = partialOf(made);
      await writeShard(documents, partial);
      try {
        renameSync(partial, made);
      } catch {
        // Another build of the project made the same part meanwhile.
        rmSync(partial, { recursive: true, force: true });
      }
    }
    shards.push({ folder: shard.folder, made });
  }
  return shards;
}

/**
 * Builds the Pagefind full-text index of the articles into `dist/pagefind/` as part of every
 * build, so no deploy can ship pages without their search. The index is made from the articles'
 * data, not the rendered pages: Pagefind starts when the build does and works in its own process,
 * on another core, while Astro renders; the finished parts are linked in at the end.
 */
export function searchIndex(options: SearchIndexOptions): AstroIntegration {
  /** Set as the config is done, before any other hook. */
  let store: string;
  let indexing: ReturnType<typeof writeIndex> | undefined;
  let count = 0;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        store = cacheFiles(fileURLToPath(config.cacheDir)).searchIndex;
      },
      'astro:build:start': () => {
        mkdirSync(store, { recursive: true });
        const articles = searchableArticles.take();
        count = articles.length;
        indexing = writeIndex(articles, options, store);
        // A failure is reported at the end of the build; until then it must not end the process.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const shards = await indexing!;
        const output = join(fileURLToPath(dir), 'pagefind');
        const folders = shards.slice(1).map((shard) => shard.folder);
        // The first part lies in pagefind/ itself, beside the folders of the others and their list.
        const beside = new Set([SHARD_LIST, ...folders.map((folder) => folder.slice(0, -1))]);
        for (const { folder, made } of shards) {
          // A part is linked whole and never changed: one already in place from the last build stays.
          if (!sameFile(join(made, ENTRY), join(output, folder, ENTRY))) linkFolder(made, join(output, folder), folder ? undefined : beside);
        }
        // The folders of parts the index no longer has.
        for (const name of readdirSync(output)) if (/^teil-\d+$/.test(name) && !beside.has(name)) rmSync(join(output, name), { recursive: true });
        writeFileSync(join(output, SHARD_LIST), JSON.stringify(folders));
        pruneStore(store, new Set(shards.map((shard) => basename(shard.made))));
        logger.info(`indexed ${count} article(s) in ${shards.length} part(s)`);
      },
    },
  };
}

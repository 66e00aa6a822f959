import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { installedPackages } from '../lib/installed-packages.ts';
import { searchDocument } from '../lib/search/search-document.ts';
import { planSearchShards, SHARD_LIST } from '../lib/search/search-shards.ts';
import { type SearchableArticle, takeSearchableArticles } from '../lib/search/searchable-articles.ts';
import { createUrls } from '../lib/urls.ts';

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
 * Makes every part of the index in `store`, named by a digest of its documents, and resolves
 * with where each part is served from and where it was made. A part made by an earlier build
 * with the same documents is not made again.
 */
async function writeIndex(articles: readonly SearchableArticle[], options: SearchIndexOptions, store: string) {
  const salt = JSON.stringify(PAGEFIND_CONFIG) + installedPackages();
  const shards = [];
  for (const shard of planSearchShards(articles, options.articlesPerShard)) {
    const documents = shard.articles.map((article) => ({ url: urls.article(article.section, article.id), content: searchDocument(article) }));
    const made = join(store, createHash('sha256').update(salt).update(JSON.stringify(documents)).digest('base64url'));
    if (!existsSync(made)) {
      // Made aside and renamed whole, so a build that stops half-way leaves no broken part behind.
      const partial = `${made}.${process.pid}.partial`;
      await writeShard(documents, partial);
      moveFolder(partial, made);
    }
    shards.push({ folder: shard.folder, made });
  }
  return shards;
}

/** Moves a finished folder into place; a copy where the two lie on different disks. */
function moveFolder(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
  }
  rmSync(from, { recursive: true, force: true });
}

/** Removes the parts no longer in use, so the store does not grow with every correction. */
function pruneStore(store: string, inUse: ReadonlySet<string>) {
  for (const name of readdirSync(store)) {
    const path = join(store, name);
    if (!inUse.has(path) && !name.endsWith('.partial')) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Builds the Pagefind full-text index of the articles into `dist/pagefind/` as part of every
 * build, so no deploy can ship pages without their search. The index is made from the articles'
 * data, not the rendered pages: Pagefind starts when the build does and works in its own process,
 * on another core, while Astro renders; the finished parts are copied in at the end.
 */
export function searchIndex(options: SearchIndexOptions): AstroIntegration {
  let store = '';
  let indexing: ReturnType<typeof writeIndex> | undefined;
  let count = 0;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        store = join(fileURLToPath(config.cacheDir), 'search-index');
      },
      'astro:build:start': () => {
        mkdirSync(store, { recursive: true });
        const articles = takeSearchableArticles();
        count = articles.length;
        indexing = writeIndex(articles, options, store);
        // A failure is reported at the end of the build; until then it must not end the process.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const shards = await indexing!;
        const output = join(fileURLToPath(dir), 'pagefind');
        for (const { folder, made } of shards) cpSync(made, join(output, folder), { recursive: true });
        writeFileSync(join(output, SHARD_LIST), JSON.stringify(shards.slice(1).map((shard) => shard.folder)));
        pruneStore(store, new Set(shards.map((shard) => shard.made)));
        logger.info(`indexed ${count} article(s) in ${shards.length} part(s)`);
      },
    },
  };
}

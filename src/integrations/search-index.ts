import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { searchDocument } from '../lib/search/search-document.ts';
import { type SearchableArticle, takeSearchableArticles } from '../lib/search/searchable-articles.ts';
import { createUrls } from '../lib/urls.ts';

// Addresses from the site root: Pagefind's script adds the base path it is served under.
const urls = createUrls('/');

/** Indexes the articles and writes the index into `folder`; resolves with how many there were. */
async function writeIndex(articles: readonly SearchableArticle[], folder: string) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  const added = await Promise.all(
    articles.map((article) => index.addHTMLFile({ url: urls.article(article.section, article.id), content: searchDocument(article) })),
  );
  const failed = [...added.flatMap((result) => result.errors), ...(await index.writeFiles({ outputPath: folder })).errors];
  if (failed.length) throw new Error(failed.join('; '));
  return added.length;
}

/** Moves a finished folder into place; a copy where the two lie on different disks. */
function moveFolder(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Builds the Pagefind full-text index of the articles into `dist/pagefind/` as part of every
 * build, so no deploy can ship pages without their search. The index is made from the articles'
 * data, not the rendered pages: Pagefind starts when the build does and works in its own process,
 * on another core, while Astro renders; the finished index is moved in at the end.
 */
export function searchIndex(): AstroIntegration {
  let staging = '';
  let indexing: Promise<number> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        staging = join(fileURLToPath(config.cacheDir), `search-index-${process.pid}`);
      },
      'astro:build:start': () => {
        indexing = writeIndex(takeSearchableArticles(), staging);
        // A failure is reported at the end of the build; until then it must not end the process.
        indexing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const count = await indexing!;
          moveFolder(staging, join(fileURLToPath(dir), 'pagefind'));
          logger.info(`indexed ${count} article(s)`);
        } finally {
          rmSync(staging, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}

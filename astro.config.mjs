// @ts-check
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { adProvider } from './src/integrations/ad-provider.ts';
import { cdnHeaders } from './src/integrations/cdn-headers.ts';
import { editorPreview } from './src/integrations/editor-preview.ts';
import { photos } from './src/integrations/photos.ts';
import { buildRecord } from './src/integrations/build-record.ts';
import { CACHE_DIR, LINKED_FOLDERS } from './src/lib/project-paths.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

/**
 * Where the site is published: SITE_URL is the origin (canonical URLs, feeds and sitemaps need
 * it absolute), BASE_PATH the sub-path it lives under, "/" for a domain root. The default origin
 * uses the reserved .example domain so that a build without SITE_URL can never claim a real one.
 */
const site = process.env.SITE_URL ?? 'https://zeitungsleser.example';
const base = process.env.BASE_PATH ?? '/';
/**
 * SEARCH_SHARD_SIZE: about how many articles one part of the search index holds. A new article
 * or a correction makes its part again, in Pagefind's own process beside the build, at about
 * 5 ms and half a megabyte an article; every part is one more small set of files (about 8 KB,
 * and the index chunks of the words searched) a reader's search loads.
 */
const articlesPerShard = Number(process.env.SEARCH_SHARD_SIZE ?? 1000);
if (!Number.isInteger(articlesPerShard) || articlesPerShard < 1) {
  throw new Error(`SEARCH_SHARD_SIZE must be a whole number of articles from 1, not "${process.env.SEARCH_SHARD_SIZE}"`);
}

/**
 * Ad slots show the publisher's house ads (content/house-ads.yaml). A runtime ad provider can fill
 * them in the reader's browser instead (README „Anzeigen“): name its adapter module and the
 * origins it loads from, e.g. `{ module: './src/ads/my-ad-server.ts', origins: { 'script-src':
 * ['https://ads.example.com'], 'img-src': ['https://ads.example.com'] } }`. Those origins, and
 * nothing else, are added to the Content-Security-Policy; without a provider no ad script ships.
 * @type {import('./src/lib/ads/provider.ts').AdProviderConfig | undefined}
 */
const AD_PROVIDER = undefined;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  cacheDir: `./${CACHE_DIR}`,
  // The stylesheet travels inside each page: one round trip fewer before the first paint.
  // Several pages at a time, so one page's file writes overlap the next one's rendering.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  integrations: [
    sitemap({
      customSitemaps: [new URL(`${base.replace(/\/?$/, '/')}news-sitemap.xml`, site).href],
      filter: (page) => !page.endsWith('/404/'),
    }),
    adProvider(AD_PROVIDER),
    cdnHeaders(AD_PROVIDER),
    searchIndex({ articlesPerShard }),
    photos(),
    serviceWorker(),
    editorPreview(),
    // Last: it removes from the output whatever the build above neither wrote nor kept.
    buildRecord({ managed: LINKED_FOLDERS }),
  ],
  // Photos are made by the photos integration, once each, in the formats and widths of
  // src/lib/photos/photo-ladder.ts; the image service only names them.
  image: { service: { entrypoint: './src/lib/photos/image-service.ts' } },
  // Pages whose data and code are unchanged since the last build are copied, not rendered: each
  // getStaticPaths entry names its data in a `cacheKey` (src/lib/cache-key.ts).
  experimental: { incrementalBuild: true },
  // The last build's files stay in the output folder, so that pages Astro does not render again
  // need not be copied; the build-record integration then removes what this build did not make.
  vite: {
    plugins: [tailwindcss()],
    build: { emptyOutDir: false },
    // `astro dev` watches the project for changes, but never the built sites and the caches:
    // an archive's tens of thousands of files there would cost every start seconds.
    server: {
      watch: { ignored: ['**/dist/**', '**/dist.*/**', `**/${CACHE_DIR}/**`, '**/test-results/**'] },
    },
  },
});

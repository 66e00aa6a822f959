// @ts-check
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { adProvider } from './src/publish/ads/ad-provider.ts';
import { cdnHeaders } from './src/publish/site/cdn-headers.ts';
import { editorPreview } from './src/publish/preview/editor-preview.ts';
import { photos } from './src/publish/photos/photos.ts';
import { buildRecord } from './src/publish/site/build-record.ts';
import { ARTICLE_FOLDER } from './src/loaders/article-folder.ts';
import { articlesPerShard, base, site } from './src/publish/environment.ts';
import { CACHE_DIR, LINKED_FOLDERS } from './src/publish/state.ts';
import { searchIndex } from './src/publish/search/search-index.ts';
import { serviceWorker } from './src/publish/offline/service-worker.ts';

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
      // Pages about the reader's own device, not the news: no search engine should list them.
      filter: (page) => !/\/(404|gemerkt|offline)\/$/.test(page),
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
  image: { service: { entrypoint: './src/lib/photos/image-service.ts', config: { base } } },
  // Pages whose data and code are unchanged since the last build are copied, not rendered: each
  // getStaticPaths entry names its data in a `cacheKey` (src/lib/cache-key.ts).
  experimental: { incrementalBuild: true },
  // The last build's files stay in the output folder, so that pages Astro does not render again
  // need not be copied; the build-record integration then removes what this build did not make.
  vite: {
    plugins: [tailwindcss()],
    build: { emptyOutDir: false },
    // `astro dev` watches the project for changes, but never the built sites and the caches:
    // an archive's tens of thousands of files there would cost every start seconds. Nor the
    // articles: Astro's watcher reads a whole folder again on every save in it, and the article
    // loader watches them itself (src/loaders/folder-watch.ts).
    server: {
      watch: { ignored: ['**/dist/**', '**/dist.*/**', `**/${CACHE_DIR}/**`, '**/test-results/**', `**/${ARTICLE_FOLDER}`, `**/${ARTICLE_FOLDER}/**`] },
    },
  },
});

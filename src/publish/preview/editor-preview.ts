import type { AstroIntegration } from 'astro';
import { contentRefresh } from '../handover.ts';
import { onPagesOutdated } from './content-problems.ts';

/**
 * The editor's preview under `astro dev`: a content mistake is shown on every page in Astro's
 * error overlay until a save fixes it, and a page open in the browser reloads when a save
 * brings a mistake, its fix or a body stored beside Astro's store (which reloads the pages
 * itself after any other save). The loaders report what they find (src/loaders/watched-sync.ts);
 * drafts and embargoed articles are kept in the dev server by the article loader itself, which
 * has a save written to the content store through Astro's `refreshContent` (loaders/store-write.ts).
 */
export function editorPreview(): AstroIntegration {
  return {
    name: 'editor-preview',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'dev') addMiddleware({ entrypoint: new URL('./editor-preview-middleware.ts', import.meta.url), order: 'pre' });
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        contentRefresh().refresh = refreshContent;
        const stop = onPagesOutdated(() => server.environments.client.hot.send({ type: 'full-reload', path: '*' }));
        server.httpServer?.once('close', stop);
      },
    },
  };
}

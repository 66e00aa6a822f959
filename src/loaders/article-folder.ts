/**
 * Where editors keep the articles, relative to the project root. The article loader watches it
 * itself (folder-watch.ts), so Astro's watcher leaves it alone (astro.config.mjs).
 */
export const ARTICLE_FOLDER = 'content/articles';

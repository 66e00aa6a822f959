/**
 * Where Astro keeps its caches (content store, page copies, photos, search index parts): this
 * project folder's alone, so copies of the project that share node_modules never read each
 * other's pages. astro.config.mjs and the build script both read it from here.
 */
export const CACHE_DIR = '.cache/astro';

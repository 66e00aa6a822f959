import { PHOTO_FOLDER } from '../lib/photos/photo-ladder.ts';

/**
 * Where Astro keeps its caches (content store, page copies, photos, search index parts): this
 * project folder's alone, so copies of the project that share node_modules never read each
 * other's pages. astro.config.mjs and the build script both read it from here.
 */
export const CACHE_DIR = '.cache/astro';

/**
 * The output folders whose files are hard links into stores in the cache (search index parts,
 * photo variants): their integrations keep them exact, so no build records or copies them.
 */
export const LINKED_FOLDERS = ['pagefind/', `${PHOTO_FOLDER}/`];

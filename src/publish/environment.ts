import { buildNow as nowFrom } from '../lib/build-time.ts';

/*
 * The one module that reads the environment. Every value from outside is checked here, as it
 * enters, so that a mistake stops the build with a message naming the variable.
 */
const env = process.env;

/**
 * Where the site is published: SITE_URL is the origin (canonical URLs, feeds and sitemaps need
 * it absolute), BASE_PATH the sub-path it lives under, "/" for a domain root. The default origin
 * uses the reserved .example domain so that a build without SITE_URL can never claim a real one.
 */
export const site = env.SITE_URL ?? 'https://zeitungsleser.example';
export const base = env.BASE_PATH ?? '/';

/**
 * SEARCH_SHARD_SIZE: about how many articles one part of the search index holds. A new article
 * or a correction makes its part again, in Pagefind's own process beside the build, at about
 * 5 ms and half a megabyte an article; every part is one more small set of files (about 8 KB,
 * and the index chunks of the words searched) a reader's search loads.
 */
export const articlesPerShard = Number(env.SEARCH_SHARD_SIZE ?? 1000);
if (!Number.isInteger(articlesPerShard) || articlesPerShard < 1) {
  throw new Error(`SEARCH_SHARD_SIZE must be a whole number of articles from 1, not "${env.SEARCH_SHARD_SIZE}"`);
}

/** The build's „now“: SOURCE_DATE_EPOCH, else the clock (src/lib/build-time.ts). */
export const buildNow = () => nowFrom(env, () => new Date());

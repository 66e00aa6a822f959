import { buildNow as nowFrom } from '../lib/build-time.ts';
import { readSettings } from '../lib/settings.ts';

/*
 * The one module that reads the environment. Every value from outside is checked as it enters
 * (src/lib/settings.ts), so that a mistake stops the build with a message naming the variable.
 */
const settings = readSettings(process.env);

/**
 * Where the site is published: SITE_URL is the origin (canonical URLs, feeds and sitemaps need
 * it absolute), BASE_PATH the sub-path it lives under, "/" for a domain root.
 */
export const site = settings.siteUrl;
export const base = settings.basePath;

/**
 * SEARCH_SHARD_SIZE: about how many articles one part of the search index holds. A new article
 * or a correction makes its part again, in Pagefind's own process beside the build, at about
 * 5 ms and half a megabyte an article; every part is one more small set of files (about 8 KB,
 * and the index chunks of the words searched) a reader's search loads.
 */
export const articlesPerShard = settings.searchShardSize;

/** The build's „now“: SOURCE_DATE_EPOCH, else the clock (src/lib/build-time.ts). */
export const buildNow = () => nowFrom(settings, () => new Date());

/** What the environment says about a build, checked. */
export interface Settings {
  /** The origin the site is published at, without a trailing slash: https://news.example.org. */
  siteUrl: string;
  /** The sub-path it lives under, starting and ending with a slash: / or /zeitung/. */
  basePath: string;
  /** About how many articles one part of the search index holds. */
  searchShardSize: number;
  /** The build's „now“ in whole seconds since 1970; undefined for the clock. */
  sourceDateEpoch: number | undefined;
}

export type Environment = Readonly<Record<string, string | undefined>>;

// The reserved .example domain, so that a build without SITE_URL can never claim a real one.
const DEFAULT_SITE_URL = 'https://zeitungsleser.example';
const DEFAULT_SHARD_SIZE = 1000;
const MOST_SHARD_SIZE = 100_000;
// 2000-01-01 and 2100-01-01: a build's „now“ outside them is a mistake, most often milliseconds.
const FIRST_EPOCH = 946_684_800;
const LAST_EPOCH = 4_102_444_800;
// Browsers drop or encode these, so the address used would differ from the one set.
const INVISIBLE = /[\s\p{C}]/u;
const BASE_PATH = /^\/(?:[A-Za-z0-9_.-]+\/)*$/;
const WHOLE_NUMBER = /^\d+$/;

/** The variable's value; an empty one counts as unset, as shells and CI files often leave it. */
const valueOf = (env: Environment, name: string) => (env[name] === '' ? undefined : env[name]);

function siteUrl(value: string): string {
  const expected = `SITE_URL must be an http or https origin such as https://news.example.org`;
  if (INVISIBLE.test(value)) return fail(`${expected}, without spaces or control characters, not ${JSON.stringify(value)}`);
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return fail(`${expected}, not "${value}"`);
  if (url.username || url.password) return fail(`${expected}, without a user name or password, not "${value}"`);
  // Scheme and host are read without regard to case; a path, query or fragment makes it more than an origin.
  if (value.replace(/\/$/, '').toLowerCase() !== url.origin) {
    return fail(`${expected}, without a path, query or fragment (a sub-path goes in BASE_PATH), not "${value}"`);
  }
  return url.origin;
}

function basePath(value: string): string {
  const expected = 'BASE_PATH must be a path that starts and ends with "/", of letters, digits, "-", "_" and ".", e.g. /zeitung/';
  if (!BASE_PATH.test(value)) return fail(`${expected}, not ${JSON.stringify(value)}`);
  if (value.split('/').some((segment) => /^\.+$/.test(segment))) return fail(`${expected}, without "." or ".." as a segment, not "${value}"`);
  return value;
}

function sourceDateEpoch(value: string): number {
  const expected = 'SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1737470640';
  if (!WHOLE_NUMBER.test(value)) return fail(`${expected}, not ${JSON.stringify(value)}`);
  const seconds = Number(value);
  if (seconds < FIRST_EPOCH) return fail(`${expected}, not "${value}", which is before 2000`);
  if (seconds >= LAST_EPOCH) return fail(`${expected}, not "${value}", which is after 2100 (milliseconds?)`);
  return seconds;
}

function searchShardSize(value: string): number {
  const size = Number(value);
  if (!WHOLE_NUMBER.test(value) || size < 1 || size > MOST_SHARD_SIZE) {
    return fail(`SEARCH_SHARD_SIZE must be a whole number of articles from 1 to ${MOST_SHARD_SIZE}, not ${JSON.stringify(value)}`);
  }
  return size;
}

/** A setting the build cannot run with; its message names the variable and says what is wrong. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

function fail(message: string): never {
  throw new SettingsError(message);
}

/**
 * Reads the build's settings from the environment (`SITE_URL`, `BASE_PATH`, `SEARCH_SHARD_SIZE`,
 * `SOURCE_DATE_EPOCH`), each checked, or throws one error naming the variable and what is wrong
 * with it: a value that ends up in every URL, header and feed of the site must be exactly right.
 */
export function readSettings(env: Environment): Settings {
  const [site, base, shards, epoch] = ['SITE_URL', 'BASE_PATH', 'SEARCH_SHARD_SIZE', 'SOURCE_DATE_EPOCH'].map((name) => valueOf(env, name));
  return {
    siteUrl: siteUrl(site ?? DEFAULT_SITE_URL),
    basePath: basePath(base ?? '/'),
    searchShardSize: shards === undefined ? DEFAULT_SHARD_SIZE : searchShardSize(shards),
    sourceDateEpoch: epoch === undefined ? undefined : sourceDateEpoch(epoch),
  };
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { copySite } from '../support/site-copy.ts';

const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
const copies: ReturnType<typeof copySite>[] = [];

/** The line of the article on which `text` first stands, counted from 1 as editors do. */
function lineOf(text: string): number {
  const at = ARTICLE.indexOf(text);
  if (at < 0) throw new Error(`the article no longer contains ${text}`);
  return ARTICLE.slice(0, at).split('\n').length;
}

/** What a build printed, if it failed; undefined if it succeeded. */
async function failureOf(build: Promise<unknown>): Promise<string | undefined> {
  try {
    await build;
    return undefined;
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return stripVTControlCharacters(stdout + stderr);
  }
}

/** Builds a copy of the site with one file written and returns what the build said. */
async function buildWith(file: string, source: string) {
  const copy = copySite();
  copies.push(copy);
  const { root } = copy;
  writeFileSync(join(root, file), source);
  const output = await failureOf(astroBuildIn(root));
  return { failed: output !== undefined, output: output ?? '', built: existsSync(join(root, 'dist')) };
}

const buildWithArticle = (source: string) => buildWith('content/articles/kaputt.md', source);

afterAll(() => {
  for (const copy of copies) copy.remove();
});

describe('a broken article stops the build with one clear message', () => {
  it.concurrent.each([
    ['a missing title', ARTICLE.replace(/^title: .*$/m, ''), 'content/articles/kaputt.md: title: is required (the headline)'],
    [
      'an unknown author',
      ARTICLE.replace('  - mareike-mueller', '  - erika-mustermann'),
      `content/articles/kaputt.md:${lineOf('  - mareike-mueller')}: authors[1]: unknown author "erika-mustermann"`,
    ],
    [
      'an impossible date',
      ARTICLE.replace('updated: 2025-01-21T15:44:00+01:00', 'updated: 2025-13-45T15:44:00+01:00'),
      `content/articles/kaputt.md:${lineOf('updated: 2025-01-21T15:44:00+01:00')}: updated: 2025-13-45 is an impossible date: there is no month 13`,
    ],
    [
      'a misspelt embed',
      ARTICLE.replace('::ad{slot="article-2"}', '::add{slot="article-2"}'),
      `content/articles/kaputt.md:${lineOf('::ad{slot="article-2"}')}: Unknown directive \`::add\``,
    ],
  ])('%s', async (_case, source, message) => {
    const result = await buildWithArticle(source);
    expect(result.failed).toBe(true);
    expect(result.output).toContain(message);
    expect(result.built).toBe(false);
  });
});

describe('a broken data file stops the build with one clear message', () => {
  it.concurrent('a misspelt field in content/authors.yaml', async () => {
    const copy = copySite();
    copies.push(copy);
    const authors = join(copy.root, 'content/authors.yaml');
    writeFileSync(authors, readFileSync(authors, 'utf8').replace('  name: Sabine Gusbeth', '  nme: Sabine Gusbeth'));
    await expect(astroBuildIn(copy.root)).rejects.toMatchObject({
      stderr: expect.stringContaining('content/authors.yaml:3: [0].nme: is not a field authors have; check its spelling'),
    });
    expect(existsSync(join(copy.root, 'dist'))).toBe(false);
  });
});

describe('a broken house ad or ad slot stops the build naming file and field', () => {
  const houseAds = readFileSync('content/house-ads.yaml', 'utf8');
  it.concurrent.each([
    [
      'a house ad with an unknown format',
      'content/house-ads.yaml',
      houseAds.replace('formats: [medium-rectangle, half-page]', 'formats: [medium-rectangle, skyscraper]'),
      ['content/house-ads.yaml:4: [0].formats[1]: expected one of the IAB formats in src/lib/ads/formats.ts: medium-rectangle, half-page, leaderboard'],
    ],
    [
      'a house ad whose image is missing',
      'content/house-ads.yaml',
      houseAds.replace('images/house-ads/abo.png', 'images/house-ads/abo-fehlt.png'),
      ['content/house-ads.yaml:16: [1].image: no image file at "images/house-ads/abo-fehlt.png"'],
    ],
    [
      'an ad slot with an unknown format',
      'content/ad-slots.yaml',
      readFileSync('content/ad-slots.yaml', 'utf8').replace('format: half-page', 'format: skyscraper'),
      ['content/ad-slots.yaml:7: [2].format: expected one of the IAB formats in src/lib/ads/formats.ts'],
    ],
  ])('%s', async (_case, file, source, messages) => {
    const result = await buildWith(file, source);
    expect(result.failed).toBe(true);
    for (const message of messages) expect(result.output).toContain(message);
    expect(result.built).toBe(false);
  });
});

describe('a bad setting stops the build before anything is built', () => {
  it.concurrent.each([
    ['a search index part size that is not a whole number', { SEARCH_SHARD_SIZE: 'zweitausend' }, 'SEARCH_SHARD_SIZE must be a whole number of articles from 1 to 100000, not "zweitausend"'],
    // Milliseconds for seconds would put „now“ in the year 57,000: every embargo would be over.
    ['a build time in milliseconds', { SOURCE_DATE_EPOCH: '1750000000000' }, 'SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1737470640, not "1750000000000", which is after 2100 (milliseconds?)'],
    ['a sub-path that would write rules into _headers', { BASE_PATH: '/zeitung/\n/*\n  Access-Control-Allow-Origin: *\n#' }, 'BASE_PATH must be a path that starts and ends with "/"'],
    ['a site address with a line break', { SITE_URL: 'https://zeitung.example\n' }, 'SITE_URL must be an http or https origin such as https://news.example.org, without spaces or control characters'],
  ])('%s', async (_name, env, message) => {
    const copy = copySite();
    copies.push(copy);
    const build = astroBuildIn(copy.root, env);
    await expect(build).rejects.toMatchObject({ stderr: expect.stringContaining(message) });
    expect(existsSync(join(copy.root, 'dist'))).toBe(false);
  });
});

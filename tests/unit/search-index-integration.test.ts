import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SearchableArticle } from '../../src/lib/search/search-document.ts';
import { SHARD_LIST } from '../../src/lib/search/search-shards.ts';
import { searchableArticles } from '../../src/publish/handover.ts';
import { searchIndex } from '../../src/publish/search/search-index.ts';
import { cacheFiles } from '../../src/publish/state.ts';
import { hooksOf } from '../support/integration-hooks.ts';

const folder = mkdtempSync(join(tmpdir(), 'search-index-'));
const cacheDir = join(folder, 'cache');
const site = join(folder, 'dist');
const index = join(site, 'pagefind');
const store = cacheFiles(cacheDir).searchIndex;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const article = (id: string, digest = 'erste Fassung'): SearchableArticle => ({
  id,
  digest,
  section: 'politik',
  kicker: 'Diplomatie',
  title: `Artikel ${id}`,
  lead: 'Ein Vorspann.',
  images: [],
  body: [{ type: 'html', html: `<p>Text von ${id}.</p>` }],
});
/** The articles of the next build. */
let articles: SearchableArticle[] = [];
searchableArticles.offer('search-index-test', () => articles);

/** One build through the integration's hooks, two articles a part; resolves with what it logged. */
async function build() {
  const call = hooksOf(searchIndex({ articlesPerShard: 2 }));
  const info = vi.fn();
  await call('astro:config:done', { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
  await call('astro:build:start');
  await call('astro:build:done', { dir: pathToFileURL(`${site}/`), logger: { info } });
  return info.mock.calls.map(([message]) => message);
}

/** The parts the search page loads, each with how many pages it holds and its entry file's inode. */
function parts() {
  const folders = ['', ...JSON.parse(readFileSync(join(index, SHARD_LIST), 'utf8'))];
  return folders.map((part) => {
    const entry = join(index, part, 'pagefind-entry.json');
    const { languages } = JSON.parse(readFileSync(entry, 'utf8'));
    return { part, pages: Object.values(languages as Record<string, { page_count: number }>).reduce((sum, language) => sum + language.page_count, 0), inode: statSync(entry).ino };
  });
}

describe('the search index integration', () => {
  it('indexes every article, in parts of about the size asked for, listed beside the first', async () => {
    articles = ['a', 'b', 'c'].map((id) => article(id));
    expect(await build()).toEqual(['indexed 3 article(s) in 2 part(s)']);
    const made = parts();
    expect(made.map(({ part }) => part)).toEqual(['', 'teil-1/']);
    expect(made.reduce((sum, { pages }) => sum + pages, 0)).toBe(3);
    expect(readdirSync(store)).toHaveLength(2);
  }, 60_000);

  it('keeps every part in place whose articles are unchanged, and makes only the part of a corrected article again', async () => {
    const before = parts();
    await build();
    expect(parts()).toEqual(before);
    articles = articles.map((each) => (each.id === 'c' ? article('c', 'korrigiert') : each));
    await build();
    const after = parts();
    expect(after.filter((part, index) => part.inode !== before[index].inode)).toHaveLength(1);
    expect(readdirSync(store)).toHaveLength(2);
  }, 60_000);

  it('drops the folders of parts the index no longer has', async () => {
    articles = [article('a')];
    expect(await build()).toEqual(['indexed 1 article(s) in 1 part(s)']);
    expect(parts()).toMatchObject([{ part: '', pages: 1 }]);
    expect(existsSync(join(index, 'teil-1'))).toBe(false);
    expect(readdirSync(store)).toHaveLength(1);
  }, 60_000);
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SearchableArticle } from '../../src/lib/search/search-document.ts';
import { searchableArticles } from '../../src/publish/handover.ts';
import { planSearchShards, SHARD_LIST } from '../../src/lib/search/search-shards.ts';
import { searchIndex } from '../../src/publish/search/search-index.ts';
import { cacheFiles } from '../../src/publish/state.ts';
import { hooksOf } from '../support/integration-hooks.ts';

/** The packages installed, which make part of every part's name: an update of Pagefind makes every part anew. */
const installed = vi.hoisted(() => ({ packages: 'pagefind@1.6.0' }));
vi.mock('../../src/publish/installed-packages.ts', () => ({ installedPackages: () => installed.packages }));

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
  body: () => [{ type: 'html', html: `<p>Text von ${id}.</p>` }],
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

/** The address of every page the index finds, from its fragments (gzip, after Pagefind's marker). */
function addresses(directory = index): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => JSON.parse(gunzipSync(readFileSync(join(directory, name))).toString().replace(/^pagefind_dcd/, '')).url)
    .sort();
}

describe('the search index integration', () => {
  it('indexes every article, in parts of about the size asked for, listed beside the first', async () => {
    articles = ['a', 'b', 'c'].map((id) => article(id));
    expect(await build()).toEqual(['indexed 3 article(s) in 2 part(s)']);
    const made = parts();
    expect(made.map(({ part }) => part)).toEqual(['', 'teil-1/']);
    expect(made.reduce((sum, { pages }) => sum + pages, 0)).toBe(3);
    expect(addresses()).toEqual(['/politik/a/', '/politik/b/', '/politik/c/']);
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

  it('drops the folder of a part that is gone while the first part stays as it was', async () => {
    // Four articles, three of them in the first part: without the fourth, two parts remain planned and one is empty.
    const ids = Array.from({ length: 40 }, (_, number) => `artikel-${number}`);
    const four = ids.map((_, start) => ids.slice(start, start + 4)).find((window) => {
      const [first, second] = planSearchShards(window.map((id) => ({ id })), 2);
      return first.articles.length === 3 && second?.articles.length === 1;
    })!;
    const [first, second] = planSearchShards(four.map((id) => ({ id })), 2);
    articles = four.map((id) => article(id));
    await build();
    const before = parts();
    articles = first.articles.map(({ id }) => article(id));
    expect(await build()).toEqual(['indexed 3 article(s) in 1 part(s)']);
    expect(parts()).toEqual(before.slice(0, 1));
    expect(existsSync(join(index, 'teil-1'))).toBe(false);
    expect(addresses()).not.toContain(`/politik/${second.articles[0].id}/`);
  }, 60_000);

  it('makes every part anew when the installed packages change', async () => {
    const before = parts();
    installed.packages = 'pagefind@1.7.0';
    await build();
    expect(parts().map(({ inode }) => inode)).not.toContain(before[0].inode);
  }, 60_000);
});

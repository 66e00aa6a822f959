import { describe, expect, it } from 'vitest';
import { CACHE_DIR, cacheFiles, LINKED_FOLDERS, outputFolders } from '../../src/publish/state.ts';
import { photosInUse, searchableArticles } from '../../src/publish/handover.ts';

describe('the files kept between builds', () => {
  // The names an operator finds on disk: a rename would strand every store a newsroom has built up.
  it('lie in the project’s own cache folder, each under a name of its own', () => {
    expect(CACHE_DIR).toBe('.cache/astro');
    const { photoCatalog, ...files } = cacheFiles('/projekt/.cache/astro');
    expect(files).toEqual({
      lock: '/projekt/.cache/astro/build.lock',
      photos: '/projekt/.cache/astro/fotos',
      searchIndex: '/projekt/.cache/astro/search-index',
      articles: '/projekt/.cache/astro/articles',
      articleBodies: '/projekt/.cache/astro/article-bodies',
      sourceDigests: '/projekt/.cache/astro/source-digests.json',
      pageHashes: '/projekt/.cache/astro/page-hashes.json',
      astroManifest: '/projekt/.cache/astro/incremental-build.json',
      astroPages: '/projekt/.cache/astro/dist',
    });
    expect([photoCatalog('articles'), photoCatalog('house-ads')]).toEqual(['/projekt/.cache/astro/photo-catalog-articles.json', '/projekt/.cache/astro/photo-catalog-house-ads.json']);
  });

  it('are linked into the site in two folders, and the sites lie beside the output folder', () => {
    expect(LINKED_FOLDERS).toEqual(['pagefind/', '_astro/fotos/']);
    const folders = outputFolders('/srv/dist');
    expect({ ...folders, siteOf: folders.siteOf('/srv/dist.builds/x'), generation: folders.generation('x'), link: folders.link(12) }).toEqual({
      live: '/srv/dist',
      builds: '/srv/dist.builds',
      next: '/srv/dist.builds/next',
      siteOf: '/srv/dist.builds/x/site',
      generation: '/srv/dist.builds/x',
      link: '/srv/dist.builds/link-12',
    });
  });
});

describe('the hand-over channels', () => {
  it('explain a build whose loaders never ran', () => {
    expect(() => photosInUse.take()).toThrow('The photos integration found no photos: the content loaders did not run before the build');
    expect(() => searchableArticles.take()).toThrow('The search index found no articles: the article loader did not run before the build');
  });

  it('keep what each carries apart, offered by loaders of the same name', () => {
    photosInUse.offer('articles', () => [{ src: 'foto.abc', width: 1, height: 1, format: 'jpg', fsPath: '/foto.jpg' }]);
    searchableArticles.offer('articles', () => []);
    expect(searchableArticles.take()).toEqual([]);
    expect(photosInUse.take()).toHaveLength(1);
  });
});

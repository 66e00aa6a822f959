import { describe, expect, it } from 'vitest';
import { storeSaved } from '../../src/loaders/articles/body-saves.ts';
import type { LoadedArticle } from '../../src/loaders/articles/entries.ts';
import { fakeLoaderContext } from '../support/loader-context.ts';

const published = new Date('2025-01-21T14:44:00Z');
const article = (digest: string, title = 'Xi und Putin', filePath = 'content/articles/a.md'): LoadedArticle => ({
  id: 'a',
  filePath,
  digest,
  data: { title, published: new Date(published), placed: { ads: ['article-1'], topics: true } },
});

describe('storeSaved', () => {
  const astro = () => fakeLoaderContext({ stored: [article('alt')] });

  it('keeps the stored entry of an article whose body alone changed, and names the new body', () => {
    const { context, entries } = astro();
    const newer = new Map<string, string>();
    expect(storeSaved(context.store, [article('neu')], newer)).toEqual({ changed: false, changedBeside: true });
    expect(entries.get('a')).toEqual(article('alt'));
    expect([...newer]).toEqual([['a', 'neu']]);
    // The same body saved again changes nothing.
    expect(storeSaved(context.store, [article('neu')], newer)).toEqual({ changed: false, changedBeside: false });
  });

  it('stores any other change, and forgets the newer body', () => {
    for (const changed of [article('neu', 'Xi und Putin sprechen'), article('neu', 'Xi und Putin', 'content/articles/2025/a.md')]) {
      const { context, entries } = astro();
      const newer = new Map([['a', 'vorher']]);
      expect(storeSaved(context.store, [changed], newer)).toEqual({ changed: true, changedBeside: true });
      expect(entries.get('a')).toEqual(changed);
      expect(newer.size).toBe(0);
    }
  });

  it('forgets the newer body when the file is as the store has it again', () => {
    const { context, written } = astro();
    const newer = new Map([['a', 'neu']]);
    expect(storeSaved(context.store, [article('alt')], newer)).toEqual({ changed: false, changedBeside: true });
    expect([newer.size, written]).toEqual([0, []]);
  });

  it('stores an article the store does not have yet', () => {
    const { context, entries } = fakeLoaderContext();
    const newer = new Map<string, string>();
    expect(storeSaved(context.store, [article('neu')], newer)).toEqual({ changed: true, changedBeside: false });
    expect([...entries.values()]).toEqual([article('neu')]);
  });
});

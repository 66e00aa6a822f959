import { describe, expect, it, vi } from 'vitest';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { readArticle } from '../../src/lib/content/read-article.ts';

// A failure of the pipeline itself, as a stack overflow in a tree walker once was: no vfile message.
vi.mock('../../src/lib/markdown/processor.ts', () => ({
  renderArticleBody: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

const KNOWN = { articles: ['beispiel'], authors: ['sabine-gusbeth'], topics: [], sections: ['politik'], adSlots: [] };
const SOURCE = '---\nkicker: K\ntitle: T\nlead: L.\nsection: politik\nauthors: [sabine-gusbeth]\nupdated: 2025-01-21T15:44:00+01:00\n---\n\nText.\n';

describe('readArticle when the pipeline breaks', () => {
  it('names the article file in any error from rendering its body', () => {
    const read = () => readArticle('content/articles/beispiel.md', SOURCE, KNOWN);
    expect(read).toThrow(ContentError);
    expect(read).toThrow('content/articles/beispiel.md: the body could not be rendered: RangeError: Maximum call stack size exceeded');
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildIn } from '../support/astro-cli.ts';
import { copySite } from '../support/site-copy.ts';

const ARTICLE = readFileSync('content/articles/xi-und-putin-sprechen-per-videoschalte.md', 'utf8');
const copies: ReturnType<typeof copySite>[] = [];

/** Builds a copy of the site with one broken article and returns what the build said. */
async function buildWithArticle(source: string) {
  const copy = copySite();
  copies.push(copy);
  const { root } = copy;
  writeFileSync(join(root, 'content/articles/kaputt.md'), source);
  try {
    await astroBuildIn(root);
    return { failed: false, output: '', built: existsSync(join(root, 'dist')) };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { failed: true, output: stdout + stderr, built: existsSync(join(root, 'dist')) };
  }
}

afterAll(() => {
  for (const copy of copies) copy.remove();
});

describe('a broken article stops the build with one clear message', () => {
  it.concurrent.each([
    ['a missing title', ARTICLE.replace(/^title: .*$/m, ''), 'content/articles/kaputt.md: title: is required (the headline)'],
    [
      'an unknown author',
      ARTICLE.replace('  - mareike-mueller', '  - erika-mustermann'),
      'content/articles/kaputt.md:8: authors[1]: unknown author "erika-mustermann"',
    ],
    [
      'a misspelt embed',
      ARTICLE.replace('::ad{slot="article-2"}', '::add{slot="article-2"}'),
      'content/articles/kaputt.md:72: Unknown directive `::add`',
    ],
  ])('%s', async (_case, source, message) => {
    const result = await buildWithArticle(source);
    expect(result.failed).toBe(true);
    expect(result.output).toContain(message);
    expect(result.built).toBe(false);
  });
});

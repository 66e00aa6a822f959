import type { Root } from 'mdast';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkBodyRules from '../../src/lib/markdown/remark-body-rules.ts';
import { failureOf, toHtml } from '../support/markdown.ts';

const render = (markdown: string) => toHtml(markdown, [remarkBodyRules]);

describe('remark-body-rules', () => {
  it('refuses a second headline', () => {
    expect(failureOf(() => render('Text.\n\n# Noch ein Titel'))).toBe(
      'test.md:3:1: A `#` headline is not allowed in the body: the headline is `title`; use `##` for subheads',
    );
  });

  it('refuses markdown images, inline and by reference', () => {
    expect(failureOf(() => render('![Bild](https://example.org/p.gif)'))).toMatch(/^test\.md:1:1: Markdown images are not allowed/);
    expect(failureOf(() => render('![Bild][p]\n\n[p]: https://example.org/p.gif'))).toMatch(/^test\.md:1:1: Markdown images/);
  });

  it('names a directive that could not be read', () => {
    expect(failureOf(() => render('Text.\n\n::figure{image="foto"'))).toBe(
      'test.md:3:1: `::figure` could not be read as a directive: check its braces and quotes, e.g. ::figure{image="foto"}',
    );
    expect(failureOf(() => render('::ad{slot="a" slot=}'))).toMatch(/^test\.md:1:1: `::ad` could not be read/);
  });

  it('allows a directive shown as code at the start of a paragraph', () => {
    expect(render('`::figure{image="foto"` ohne Klammer zu')).toBe('<p><code>::figure{image="foto"</code> ohne Klammer zu</p>');
  });

  it('accepts an empty paragraph that another plugin left behind', () => {
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [] }] };
    expect(() => unified().use(remarkBodyRules).runSync(tree)).not.toThrow();
  });

  it('allows subheads, links and the rest of markdown', () => {
    expect(render('## Zwischentitel\n\n[Link](https://example.org) und *Betonung*')).toBe(
      '<h2>Zwischentitel</h2>\n<p><a href="https://example.org">Link</a> und <em>Betonung</em></p>',
    );
  });
});

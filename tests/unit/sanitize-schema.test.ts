import type { Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { articleSanitizeSchema } from '../../src/lib/markdown/sanitize-schema.ts';

/** Sanitises a hand-built tree, as if a plugin upstream had let something dangerous through. */
function sanitize(tree: Root): string {
  const processor = unified().use(rehypeSanitize, articleSanitizeSchema('dateline')).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree) as Root);
}

const element = (tagName: string, properties: Record<string, string>, text = 'x') =>
  ({ type: 'root', children: [{ type: 'element', tagName, properties, children: [{ type: 'text', value: text }] }] }) as Root;

describe('the article sanitize schema', () => {
  it.each([
    ['a script element', element('script', {}, 'alert(1)'), /<script|alert/],
    ['an event handler', element('p', { onClick: 'alert(1)' }), /onclick|alert/i],
    ['an inline style', element('p', { style: 'position:fixed' }), /style/],
    ['an iframe', element('iframe', { src: 'https://example.org' }), /iframe/],
    ['a javascript: link', element('a', { href: 'javascript:alert(1)' }), /javascript/],
    ['a form', element('form', { action: 'https://example.org' }), /form|action/],
    ['a foreign class', element('span', { className: 'evil' }), /class/],
  ])('removes %s', (_name, tree, forbidden) => {
    expect(sanitize(tree)).not.toMatch(forbidden);
  });

  it('keeps the markers of our own plugins', () => {
    expect(sanitize(element('span', { className: 'dateline' }, 'Berlin.'))).toBe('<span class="dateline">Berlin.</span>');
    expect(sanitize(element('div', { dataEmbed: 'ad', dataRef: 'article-1' }, ''))).toBe('<div data-embed="ad" data-ref="article-1"></div>');
  });
});

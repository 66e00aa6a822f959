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

/** A paragraph after the element under test: removing something must not take the rest along. */
const NEXT = { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Weiter im Text.' }] } as const;
const followed = (tree: Root) => ({ ...tree, children: [...tree.children, NEXT] }) as Root;

describe('the article sanitize schema', () => {
  it.each([
    ['a script element', element('script', {}, 'alert(1)'), /<script|alert/, ''],
    ['an event handler', element('p', { onClick: 'alert(1)' }), /onclick|alert/i, '<p>x</p>'],
    ['an inline style', element('p', { style: 'position:fixed' }), /style/, '<p>x</p>'],
    ['an iframe', element('iframe', { src: 'https://example.org' }), /iframe/, 'x'],
    ['a javascript: link', element('a', { href: 'javascript:alert(1)' }), /javascript/, '<a>x</a>'],
    ['a form', element('form', { action: 'https://example.org' }), /form|action/, 'x'],
    ['a foreign class', element('span', { className: 'evil' }), /class/, '<span>x</span>'],
  ])('removes %s and keeps the text a reader needs', (_name, tree, forbidden, kept) => {
    const markup = sanitize(followed(tree));
    expect(markup).not.toMatch(forbidden);
    expect(markup).toBe(`${kept}<p>Weiter im Text.</p>`);
  });

  it('keeps what GitHub’s allowlist already allows beside our markers', () => {
    expect(sanitize(element('div', { itemType: 'https://schema.org/Person' }, 'Anna'))).toBe('<div itemtype="https://schema.org/Person">Anna</div>');
  });

  it('keeps the markers of our own plugins', () => {
    expect(sanitize(element('span', { className: 'dateline' }, 'Berlin.'))).toBe('<span class="dateline">Berlin.</span>');
    expect(sanitize(element('div', { dataEmbed: 'ad', dataRef: 'article-1' }, ''))).toBe('<div data-embed="ad" data-ref="article-1"></div>');
  });
});

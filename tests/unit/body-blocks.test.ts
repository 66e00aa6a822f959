import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { toBodyBlocks } from '../../src/lib/markdown/body-blocks.ts';

const stringify = (root: Root) => unified().use(rehypeStringify).stringify(root);
const element = (tagName: string, properties: Element['properties'], text = ''): Element => ({
  type: 'element',
  tagName,
  properties,
  children: text ? [{ type: 'text', value: text }] : [],
});

describe('splitting an article body at its embeds', () => {
  it('keeps text runs as HTML and embeds as typed blocks, in reading order', () => {
    const tree: Root = {
      type: 'root',
      children: [
        element('p', {}, 'Erster Absatz.'),
        { type: 'text', value: '\n' },
        element('p', {}, 'Zweiter Absatz.'),
        element('div', { dataEmbed: 'figure', dataRef: 'foto' }),
        { type: 'text', value: '\n' },
        element('div', { dataEmbed: 'topics' }),
        element('p', {}, 'Schluss.'),
      ],
    };
    expect(toBodyBlocks(tree, stringify)).toEqual([
      { type: 'html', html: '<p>Erster Absatz.</p>\n<p>Zweiter Absatz.</p>' },
      { type: 'embed', kind: 'figure', ref: 'foto' },
      { type: 'embed', kind: 'topics', ref: '' },
      { type: 'html', html: '<p>Schluss.</p>' },
    ]);
  });

  it('treats a div without an embed kind as text', () => {
    const tree: Root = { type: 'root', children: [element('div', { dataRef: 'foto' }, 'Kasten')] };
    expect(toBodyBlocks(tree, stringify)).toEqual([{ type: 'html', html: '<div data-ref="foto">Kasten</div>' }]);
  });
});

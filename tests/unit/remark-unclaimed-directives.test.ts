import type { Paragraph, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkDateline from '../../src/lib/markdown/remark-dateline.ts';
import remarkUnclaimedDirectives from '../../src/lib/markdown/remark-unclaimed-directives.ts';
import { failureOf, toHtml } from '../support/markdown.ts';

const render = (markdown: string) => toHtml(markdown, [remarkDateline], [remarkUnclaimedDirectives]);

describe('remark-unclaimed-directives', () => {
  it('names an unknown block directive with its line', () => {
    expect(failureOf(() => render('Text.\n\n::figur{image="x"}'))).toBe('test.md:3:1: Unknown directive `::figur`');
    expect(failureOf(() => render(':::kasten\nText\n:::'))).toBe('test.md:1:1: Unknown directive `:::kasten`');
  });

  it('gives prose colons back their text', () => {
    expect(render('Um 15:44 Uhr, Ort:Berlin, Foto: AP, Tel.:[0211]{x=1}')).toBe(
      '<p>Um 15:44 Uhr, Ort:Berlin, Foto: AP, Tel.:[0211]{x=1}</p>',
    );
  });

  it('hands the plugins after it the colon as a plain text node', () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkUnclaimedDirectives);
    const file = new VFile('Ort:Berlin');
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect((tree.children[0] as Paragraph).children).toMatchObject([
      { type: 'text', value: 'Ort' },
      { type: 'text', value: ':Berlin' },
    ]);
  });

  it('refuses a colon in prose that spans lines, whose source holds quote markers', () => {
    expect(failureOf(() => render('> Ort:Berlin[erste\n> zweite Zeile]'))).toBe('test.md:1:6: Unknown directive `:Berlin` spanning lines');
  });

  it('names a directive that another plugin made without a place in the source', () => {
    const tree: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'textDirective', name: 'ort', attributes: {}, children: [] }] }],
    };
    const file = new VFile({ path: 'test.md', value: '' });
    expect(() => unified().use(remarkUnclaimedDirectives).runSync(tree, file)).toThrow(/^Unknown directive `:ort`$/);
  });

  it('leaves claimed directives to their plugins', () => {
    expect(render(':dateline[Berlin.] Text')).toBe('<p><span class="dateline">Berlin.</span> Text</p>');
  });
});

import type { Paragraph, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkRawHtmlAsText from '../../src/lib/markdown/remark-raw-html-as-text.ts';
import { toHtml } from '../support/markdown.ts';

const render = (markdown: string) => toHtml(markdown, [remarkRawHtmlAsText]);

describe('remark-raw-html-as-text', () => {
  it('shows inline tags as the text they are, keeping the words between them', () => {
    expect(render('Ein <b>fetter</b> Satz.')).toBe('<p>Ein &#x3C;b>fetter&#x3C;/b> Satz.</p>');
  });

  it('keeps a whole HTML block readable instead of dropping its words', () => {
    expect(render('<div>\nGanzer Absatz.\n</div>')).toBe('<p>&#x3C;div>\nGanzer Absatz.\n&#x3C;/div></p>');
  });

  it('hands the plugins after it plain text nodes', () => {
    const processor = unified().use(remarkParse).use(remarkRawHtmlAsText);
    const tree = processor.runSync(processor.parse('Ein <b>fetter</b> Satz.')) as Root;
    expect((tree.children[0] as Paragraph).children.map((node) => node.type)).toEqual(['text', 'text', 'text', 'text', 'text']);
  });

  it('turns script into harmless text', () => {
    expect(render('<script>alert(1)</script>')).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>');
  });

  it('hides HTML comments, which are editors’ notes', () => {
    expect(render('Text <!-- Notiz --> weiter.\n\n<!-- Blocknotiz -->\n\nEnde.')).toBe('<p>Text  weiter.</p>\n<p>Ende.</p>');
    expect(render('   <!-- eingerückte Notiz -->\n\nEnde.')).toBe('<p>Ende.</p>');
  });

  it('keeps a tag readable that follows right after a comment', () => {
    expect(render('Ein <!-- Notiz --><b>fetter</b> Satz.')).toBe('<p>Ein &#x3C;b>fetter&#x3C;/b> Satz.</p>');
  });

  it('never hides words that share an HTML block with a comment', () => {
    expect(render('<!-- Notiz --> und Text')).toBe('<p>&#x3C;!-- Notiz --> und Text</p>');
    expect(render('<div>\nAbsatz\n</div> <!-- Notiz -->')).toBe('<p>&#x3C;div>\nAbsatz\n&#x3C;/div> &#x3C;!-- Notiz --></p>');
  });
});

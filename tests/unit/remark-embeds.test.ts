import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkEmbeds, { type RemarkEmbedsOptions } from '../../src/lib/markdown/remark-embeds.ts';
import { failureOf, toHtml } from '../support/markdown.ts';

const embeds: RemarkEmbedsOptions['embeds'] = {
  figure: { attribute: 'image', known: ['foto'] },
  topics: { once: true },
};
const render = (markdown: string) => toHtml(markdown, [remarkEmbeds, { embeds }]);

describe('remark-embeds', () => {
  it('marks an embed with its kind and reference', () => {
    expect(render('Text.\n\n::figure{image="foto"}\n\nMehr.')).toBe(
      '<p>Text.</p>\n<div data-embed="figure" data-ref="foto"></div>\n<p>Mehr.</p>',
    );
  });

  it('marks an embed that takes no reference', () => {
    expect(render('::topics')).toBe('<div data-embed="topics" data-ref=""></div>');
  });

  it('names the line of an unknown reference and lists the known ones', () => {
    expect(failureOf(() => render('Text.\n\n::figure{image="fotto"}'))).toBe(
      'test.md:3:1: `::figure` refers to unknown image "fotto" (known: "foto")',
    );
    const ads = { ad: { attribute: 'slot', known: ['article-1', 'article-2'] } };
    expect(failureOf(() => toHtml('::ad{slot="article-3"}', [remarkEmbeds, { embeds: ads }]))).toBe(
      'test.md:1:1: `::ad` refers to unknown slot "article-3" (known: "article-1", "article-2")',
    );
  });

  it('says when nothing of a kind exists to refer to', () => {
    const none = { figure: { attribute: 'image' } };
    expect(failureOf(() => toHtml('::figure{image="foto"}', [remarkEmbeds, { embeds: none }]))).toBe(
      'test.md:1:1: `::figure` refers to unknown image "foto" (known: none defined)',
    );
  });

  it('rejects a missing or unexpected attribute', () => {
    expect(() => render('::figure')).toThrow(/needs the attribute `image="…"`/);
    expect(failureOf(() => render('::figure{image="foto" style="color:red"}'))).toBe(
      'test.md:1:1: `::figure` has an unknown attribute `style`; it takes only `image`',
    );
    expect(() => render('::topics{id="x"}')).toThrow(/it takes none/);
  });

  it('rejects an embed nested in a list or with text', () => {
    expect(() => render('- ::figure{image="foto"}')).toThrow(/must stand on its own line/);
    expect(() => render('::figure[Bild]{image="foto"}')).toThrow(/takes no text/);
  });

  it('allows a once-only embed a single time', () => {
    expect(failureOf(() => render('::topics\n\nText.\n\n::topics'))).toBe('test.md:5:1: `::topics` may appear only once');
  });

  it('lets an embed refer to the same thing twice unless told otherwise', () => {
    expect(render('::figure{image="foto"}\n\nText.\n\n::figure{image="foto"}')).toBe(
      '<div data-embed="figure" data-ref="foto"></div>\n<p>Text.</p>\n<div data-embed="figure" data-ref="foto"></div>',
    );
  });

  it('allows each ad slot a single time, and different slots side by side', () => {
    const ads = { ad: { attribute: 'slot', known: ['article-1', 'article-2'], eachOnce: true } };
    const render = (markdown: string) => toHtml(markdown, [remarkEmbeds, { embeds: ads }]);
    expect(render('::ad{slot="article-1"}\n\nText.\n\n::ad{slot="article-2"}')).toContain('data-ref="article-2"');
    expect(failureOf(() => render('::ad{slot="article-1"}\n\nText.\n\n::ad{slot="article-1"}'))).toBe(
      'test.md:5:1: `::ad` refers to slot "article-1" a second time; each may appear once',
    );
  });

  it('names why an embed cannot be used', () => {
    const unavailable = { topics: { unavailable: 'the front matter lists no `topics`' } };
    expect(failureOf(() => toHtml('::topics', [remarkEmbeds, { embeds: unavailable }]))).toBe(
      'test.md:1:1: `::topics` cannot be used here: the front matter lists no `topics`',
    );
  });

  it('takes what a file may embed from the file itself over the options', () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkEmbeds, { embeds }).freeze();
    const file = new VFile({ path: 'test.md', value: '::figure{image="karte"}', data: { embeds: { figure: { attribute: 'image', known: ['karte'] } } } });
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect(tree.children[0].data).toMatchObject({ hProperties: { dataEmbed: 'figure', dataRef: 'karte' } });
    expect(() => processor.runSync(processor.parse('::figure{image="karte"}'))).toThrow(/unknown image "karte" \(known: "foto"\)/);
  });

  it('leaves directives of other names to other plugins', () => {
    expect(render('::ad{slot="x"}')).toBe('<div></div>');
  });

  it('leaves text and container directives of an embed’s name to other plugins', () => {
    expect(render('Text :figure{image="foto"} mehr')).toBe('<p>Text <div></div> mehr</p>');
    expect(render(':::figure{image="foto"}\n:::')).toBe('<div></div>');
  });
});

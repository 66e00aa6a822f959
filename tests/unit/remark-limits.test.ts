import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkLimits from '../../src/lib/markdown/remark-limits.ts';
import { failureOf, toHtml } from '../support/markdown.ts';

const render = (markdown: string) => toHtml(markdown, [remarkLimits, { limits: { nesting: 3, paragraphMarks: 20 } }]);
const TOO_DEEP = 'Nesting deeper than 3 levels is not allowed: lists, quotes, links, emphasis and directives inside one another go deeper here';

describe('remark-limits', () => {
  it('passes markdown within the limits through unchanged', () => {
    expect(render('> *[a](b)*')).toBe('<blockquote>\n<p><em><a href="b">a</a></em></p>\n</blockquote>');
  });

  it('refuses a source beyond the limits before it is parsed, naming line and column', () => {
    expect(failureOf(() => render('Text\n\n> > > > Text'))).toBe(
      'test.md:3:1: Nesting deeper than 3 levels is not allowed (each quote or list marker, each open `:::` directive and every two columns of indentation count as one)',
    );
    expect(failureOf(() => render(`Text ${'*a* '.repeat(11)}`))).toBe(
      'test.md:1:46: A paragraph may have at most 20 marks of emphasis, links, code, escapes and directives (such as `*`, `_`, `[`, `]`, `<`, `&`); split it',
    );
  });

  it('keeps the default limits for those the options leave out', () => {
    expect(failureOf(() => render('a\n'.repeat(4000)))).toBe('test.md:4001:1: An article may have at most 4000 lines: split it into parts');
  });

  it.each([
    ['emphasis', '*a **b *c **d** c* b** a*', '1:11'],
    ['links in emphasis', '> **[*a*](b)**', '1:6'],
    ['a list by indentation, in a quote', '> - a\n>   - b\n>     - c', '3:7'],
    ['text directives', ':a[:b[:c[:d[x]]]]', '1:10'],
    ['a text directive in a leaf directive in a quote', '> ::a[:b[*c*]]', '1:10'],
    ['`:::` containers', ':::a\n:::b\n> *c*\n:::\n:::', '3:3'],
  ])('refuses %s nested deeper than the limit, at the first node too deep', (_what, markdown, place) => {
    expect(failureOf(() => render(markdown))).toBe(`test.md:${place}: ${TOO_DEEP}`);
  });

  it('accepts nesting right at the limit', () => {
    expect(render('*a **b *c* b** a*')).toBe('<p><em>a <strong>b <em>c</em> b</strong> a</em></p>');
    expect(render('> - > a')).toBe('<blockquote>\n<ul>\n<li>\n<blockquote>\n<p>a</p>\n</blockquote>\n</li>\n</ul>\n</blockquote>');
  });

  it('has to come after the parser it guards', () => {
    expect(() => unified().use(remarkLimits).use(remarkParse).freeze()).toThrow('remark-limits wraps the parser: use it after remark-parse');
  });
});

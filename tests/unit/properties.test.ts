import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ContentError } from '../../src/lib/content/content-error.ts';
import { readArticle } from '../../src/lib/content/read-article.ts';
import type { HtmlBlock } from '../../src/lib/markdown/body-blocks.ts';
import { renderArticleBody } from '../../src/lib/markdown/processor.ts';
import { VFileMessage } from 'vfile-message';
import { dangerIn } from '../support/danger.ts';

const EMBEDS = {
  figure: { attribute: 'image', known: ['foto'] },
  ad: { attribute: 'slot', known: ['article-1'] },
  teaser: { attribute: 'related', known: ['mehr'] },
  topics: { once: true },
};

/** Pieces hostile or careless markdown is made of: tags, handlers, schemes, directives, entities. */
const FRAGMENTS = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<iframe src="//evil.example">', '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>', '<style>*{}</style>', '<form action="//evil.example">', '<object data="x">',
  '[a](javascript:alert(1))', '[a](JaVaScRiPt:alert(1))', '[a](jav&#x61;script:alert(1))', '[a](data:text/html,x)',
  '[a](vbscript:x)', '<javascript:alert(1)>', '[a]: javascript:alert(1)', '![b](x.png)', '[a](https://example.org)',
  '::figure{image="foto"}', '::figure{image="x" onclick="alert(1)"}', '::ad{slot="article-1"}', '::teaser{related="mehr"}',
  '::topics', ':dateline[Berlin.]', ':::box\n', ':::', '::', ':x[y]{z}', '{onclick=alert(1)}', '# Titel', '## Zwischentitel',
  '> Zitat', '- Punkt', '1. Punkt', '`code`', '```\ncode\n```', '&lt;script&gt;', '&#60;script&#62;', '„Zitat“', 'Um 15:44 Uhr',
  '\n', '\n\n', ' ', '*', '_', '[', ']', '(', ')', '<', '>', '"', "'", '\\', '|', '---',
];

const hostileMarkdown = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 24 })
  .map((parts) => parts.join(''));

const html = (markdown: string) =>
  renderArticleBody(markdown, { path: 'fuzz.md', embeds: EMBEDS })
    .filter((block): block is HtmlBlock => block.type === 'html')
    .map((block) => block.html)
    .join('\n');

describe('property: arbitrary markdown through the pipeline', () => {
  it('is rendered or refused with a message naming the file and line, never crashes, never yields script', () => {
    fc.assert(
      fc.property(hostileMarkdown, (markdown) => {
        let output: string;
        try {
          output = html(markdown);
        } catch (error) {
          // The only acceptable failure is an editor's message pointing at the file and line.
          expect(error).toBeInstanceOf(VFileMessage);
          expect((error as VFileMessage).file).toBe('fuzz.md');
          expect((error as VFileMessage).line).toBeGreaterThan(0);
          return;
        }
        expect(dangerIn(output)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });
});

const FILE = 'tests/fixtures/articles/beispiel.md';
const KNOWN = { articles: ['beispiel'], authors: ['sabine-gusbeth'], topics: ['usa'], sections: ['politik'], adSlots: ['article-1'] };
const VALID = {
  kicker: 'Diplomatie',
  title: 'Titel',
  lead: 'Vorspann.',
  section: 'politik',
  authors: ['sabine-gusbeth'],
  updated: '2025-01-21T15:44:00+01:00',
  topics: ['usa'],
};

const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 20 }),
    fc.constantFrom('', ' ', '2025-02-30T10:00:00+01:00', '2025-01-21', 'sabine-gusbeth', 'politik', '../images/foto.jpg', '/etc/passwd'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('id', 'src', 'alt', 'caption', 'credit', 'kicker', 'title', 'x'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The valid front matter with some fields replaced, dropped or added. */
const frontMatter = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...Object.keys(VALID), 'images', 'related', 'ads', 'published', 'extra', 'body'), yamlValue, { maxKeys: 4 }),
    fc.subarray(Object.keys(VALID)),
  )
  .map(([changes, dropped]) => {
    const data: Record<string, unknown> = { ...VALID, ...changes };
    for (const key of dropped) delete data[key];
    return data;
  });

describe('property: arbitrary front matter', () => {
  it('either validates or yields one clear ContentError naming the file', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        const source = `---\n${stringify(data)}---\n\n:dateline[Berlin.] Text.\n`;
        try {
          const article = readArticle(FILE, source, KNOWN);
          expect(article.id).toBe('beispiel');
        } catch (error) {
          expect(error).toBeInstanceOf(ContentError);
          expect((error as ContentError).message.startsWith(FILE)).toBe(true);
          expect((error as ContentError).problem.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts the valid front matter itself, so the property cannot pass by rejecting everything', () => {
    expect(readArticle(FILE, `---\n${stringify(VALID)}---\n\nText.\n`, KNOWN).data.title).toBe('Titel');
  });
});

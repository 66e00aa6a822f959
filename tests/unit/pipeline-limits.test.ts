import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFileMessage } from 'vfile-message';
import { renderArticleBody } from '../../src/lib/markdown/processor.ts';

const EMBEDS = { figure: { attribute: 'image', known: ['foto'] }, ad: { attribute: 'slot', known: ['article-1'] }, topics: { once: true } };
/** The issue's bound for any body of 100 KB. */
const MOST_MS = 2000;
const SIZE = 100_000;
const PROSE = 'Ein ganz gewöhnlicher Satz mit Wörtern, wie er in jedem Artikel stehen könnte. ';

interface Outcome {
  /** CPU time, not the clock: the work the pipeline did, however busy the machine is. */
  ms: number;
  /** `rendered`, or the refusal as an editor reads it. */
  result: string;
}

function render(markdown: string): Outcome {
  const start = process.cpuUsage();
  let result = 'rendered';
  try {
    renderArticleBody(markdown, { path: 'content/articles/x.md', embeds: EMBEDS });
  } catch (error) {
    // The only acceptable failure is an editor's message pointing at the file and line.
    if (!(error instanceof VFileMessage) || !error.line) throw error;
    result = `${error.file}:${error.line}: ${error.reason}`;
  }
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

/** A pattern after one paragraph of prose, filled up to 100 KB with more prose. */
const body = (pattern: string) => `${PROSE}\n\n${pattern}\n\n${PROSE.repeat(Math.max(0, Math.ceil((SIZE - pattern.length) / PROSE.length)))}`.slice(0, SIZE);

const NESTING = 'Nesting deeper than 16 levels is not allowed (each quote or list marker, each open `:::` directive and every two columns of indentation count as one)';
const PARAGRAPH_MARKS = 'A paragraph may have at most 500 marks of emphasis, links, code, escapes and directives (such as `*`, `_`, `[`, `]`, `<`, `&`); split it';

describe('bodies that used to stall the build or overflow the stack', () => {
  it.each([
    ['list markers on one line', '* '.repeat(1000) + 'Text', `content/articles/x.md:1: ${NESTING}`],
    ['quote markers on one line', '>'.repeat(2000), `content/articles/x.md:1: ${NESTING}`],
    ['emphasis that never closes', '_a*'.repeat(20_000), `content/articles/x.md:1: ${PARAGRAPH_MARKS}`],
    ['nested container directives', ':::x\n'.repeat(2000), `content/articles/x.md:17: ${NESTING}`],
    ['emphasis nested a thousand deep', `${'*a '.repeat(1000)}b${' a*'.repeat(1000)}`, `content/articles/x.md:1: ${PARAGRAPH_MARKS}`],
  ])('refuses %s at once, naming file and line', (_what, markdown, message) => {
    const { ms, result } = render(markdown);
    expect(result).toBe(message);
    expect(ms).toBeLessThan(MOST_MS);
  });

  it('renders a thousand stars in a row as the rule they are', () => {
    const { ms, result } = render('* '.repeat(1000));
    expect(result).toBe('rendered');
    expect(renderArticleBody('* '.repeat(1000), { path: 'x.md', embeds: EMBEDS })).toEqual([{ type: 'html', html: '<hr>' }]);
    expect(ms).toBeLessThan(MOST_MS);
  });
});

describe('the most a body may hold, in 100 KB', () => {
  it.each([
    ['lists 16 deep, line after line', `${'* '.repeat(16)}a\n`.repeat(62)],
    ['numbered lists 16 deep', `${'1. '.repeat(16)}a\n`.repeat(62)],
    ['lists nested 16 deep by indentation', Array.from({ length: 999 }, (_, line) => `${'  '.repeat(line % 16)}* a`).join('\n')],
    ['quotes nested 16 deep, line after line', Array.from({ length: 999 }, (_, line) => `${'>'.repeat(line % 16)} a`).join('\n')],
    ['a thousand underlined headings', 'a\n---\n'.repeat(990)],
    ['a thousand quotes', '> a\n\nb\n'.repeat(990)],
    ['emphasis that never closes, 500 marks a paragraph', `${'_a*'.repeat(250)}\n\n`.repeat(8)],
    ['emphasis nested 16 deep', `${'*a '.repeat(16)}b${' a*'.repeat(16)}\n\n`.repeat(120)],
    ['links in emphasis', `${'*[a](b) **[c](d)** e* '.repeat(40)}\n\n`.repeat(12)],
    ['code spans that never close', `${'`a'.repeat(500)}\n\n`.repeat(7)],
    ['text directives with labels', `${':x[a] '.repeat(160)}\n\n`.repeat(8)],
    ['3,990 subheads', '## a\n'.repeat(3990)],
    ['3,990 paragraphs of one line', 'a\n'.repeat(3990)],
  ])('%s take less than 2 s', (_what, pattern) => {
    const markdown = body(pattern);
    expect(markdown.length).toBe(SIZE);
    const { ms, result } = render(markdown);
    expect(result).toBe('rendered');
    expect(ms).toBeLessThan(MOST_MS);
  });
});

/** Nesting: quote, list and directive markers and indentation, any number on one line. */
const nesting = fc.array(fc.constantFrom('> ', '>', '* ', '- ', '+ ', '1. ', '2) ', '  ', '    ', '\t', ':::x\n', ':::\n'), { maxLength: 24 });
/** Emphasis runs and the other inline constructs micromark has to match up. */
const inline = fc.array(fc.constantFrom('*', '**', '***', '_', '__', 'a', 'b ', ' ', '[', ']', '(c)', '`', '``', ':x[', '\\', '&amp;', '<a', '!'), { maxLength: 60 });
const line = fc.tuple(nesting, inline, fc.constantFrom('\n', '\n\n', '\n---\n', '\n===\n')).map(([prefix, text, end]) => prefix.join('') + text.join('') + end);
/** A few generated lines repeated, at most 100 KB. */
const document = fc.tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 400 })).map(([lines, times]) =>
  lines.join('').repeat(times).slice(0, SIZE),
);

describe('generated nesting and emphasis runs', () => {
  it('each render or are refused with file and line, in less than 2 s', () => {
    const results: string[] = [];
    fc.assert(
      fc.property(document, (markdown) => {
        const { ms, result } = render(markdown);
        results.push(result);
        expect(ms).toBeLessThan(MOST_MS);
      }),
      { numRuns: 40 },
    );
    // Both paths were taken: the limits did not simply refuse everything before the parser.
    expect(results).toContain('rendered');
    expect(results.some((result) => result.startsWith('content/articles/x.md:'))).toBe(true);
  });
});

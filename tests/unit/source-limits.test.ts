import { describe, expect, it } from 'vitest';
import { findSourceLimitExceeded, SOURCE_LIMITS, type SourceLimits } from '../../src/lib/markdown/source-limits.ts';

const SMALL: SourceLimits = { nesting: 3, lines: 10, blocks: 4, marks: 8, paragraphMarks: 5 };
const find = (source: string, limits = SMALL) => findSourceLimitExceeded(source, limits);
/** Where the scan stops, as `line:column`, or `ok`. */
const where = (source: string, limits = SMALL) => {
  const exceeded = find(source, limits);
  return exceeded ? `${exceeded.line}:${exceeded.column}` : 'ok';
};

const NESTING = 'Nesting deeper than 3 levels is not allowed (each quote or list marker, each open `:::` directive and every two columns of indentation count as one)';
const MARKS = 'marks of emphasis, links, code, escapes and directives (such as `*`, `_`, `[`, `]`, `<`, `&`)';

describe('findSourceLimitExceeded', () => {
  it('accepts an ordinary article at the default limits', () => {
    const article = ':dateline[Berlin.] Text mit *Betonung*, **mehr** und [Link](https://example.org).\n\n## Zwischentitel\n\n> Ein Zitat,\n> über zwei Zeilen.\n\n- Punkt\n  - Unterpunkt\n\n1. Erstens\n\n---\n\n`code` &amp; \\*\n';
    expect(find(article, SOURCE_LIMITS)).toBeUndefined();
  });

  it('counts quote and list markers opened on one line as nesting', () => {
    expect(where('> > > Text')).toBe('ok');
    expect(where('Text\n\n> > > > Text')).toBe('3:1');
    expect(find('> > > > Text')?.reason).toBe(NESTING);
    expect(where('>>>>Text')).toBe('1:1');
    expect(where('* - + Text')).toBe('ok');
    expect(where('* - + 1. Text')).toBe('1:1');
    expect(where('1) 2. > Text')).toBe('ok');
    expect(where('1) 2. > * Text')).toBe('1:1');
  });

  it('counts every two columns of indentation as a level, a tab as four columns', () => {
    expect(where('* a\n  * b\n    * c')).toBe('ok');
    expect(where('* a\n  * b\n    * c\n      * d')).toBe('4:1');
    expect(where('      Text')).toBe('ok');
    expect(where('        Text')).toBe('1:1');
    expect(where('\t  Text')).toBe('ok');
    expect(where('\t\tText')).toBe('1:1');
  });

  it('does not take a rule of stars or dashes for list items', () => {
    expect(where('* * * * * * *')).toBe('ok');
    expect(where('- - - - - - -')).toBe('ok');
    expect(where('> * * * * * *')).toBe('ok');
    expect(where('* * * * a')).toBe('1:1');
  });

  it('counts `:::` directives open around a line as nesting, and closes them', () => {
    expect(where(':::a\n:::b\n:::c\nText\n:::\n:::\n:::')).toBe('ok');
    expect(where(':::a\n:::b\n:::c\n:::d')).toBe('4:1');
    expect(where(':::a\n:::b\n:::\n:::\n:::c\n> > Text', { ...SMALL, blocks: 10 })).toBe('ok');
    expect(where(':::a\n:::b\n> > Text')).toBe('3:1');
  });

  it('counts the lines of the whole file', () => {
    expect(where('a\n'.repeat(9))).toBe('ok');
    expect(where('a\n'.repeat(10))).toBe('11:1');
    expect(find('\r\n'.repeat(10))?.reason).toBe('An article may have at most 10 lines: split it into parts');
  });

  it('counts list items, newly opened quotes, underlined headings and `:::` directives as blocks', () => {
    expect(where('* a\n* b\n\n> c\n> d\n> e')).toBe('ok');
    expect(where('* a\n* b\n\n> c\n\n> d\n\n> e')).toBe('8:1');
    expect(find('* a\n* b\n* c\n* d\n* e')?.reason).toBe('An article may have at most 4 list items, quotes, underlined headings and `:::` directives; split it into parts');
    expect(where('a\n===\nb\n---\nc\n---\n\n---\n\n---')).toBe('ok');
    expect(where('a\n===\nb\n---\nc\n---\nd\n---\ne\n---')).toBe('10:1');
    expect(where(':::a\n:::\n:::b\n:::\n* c\n* d')).toBe('ok');
    expect(where(':::a\n:::\n:::b\n:::\n* c\n* d\n* e')).toBe('7:1');
  });

  it('counts marks of inline markup in the whole body and in each paragraph, naming the column', () => {
    expect(where('*a* [b]\n\n`c` &amp;\n\n<d')).toBe('ok');
    expect(where('*a* [b]\n\n`c` &amp;\n\n<d \\e')).toBe('5:4');
    expect(where('**a** __b__\n\n``c`` [d]\n\n[e] :f')).toBe('5:1');
    expect(find('**a** __b__\n\n``c`` [d]\n\n[e] :f')?.reason).toBe(`An article may have at most 8 ${MARKS}; split it into parts`);
    expect(where('*a* [b]\nc_\n\nd')).toBe('ok');
    expect(where('*a* [b]\nc_ d_')).toBe('2:5');
    expect(find('*a* [b] c_ d_')?.reason).toBe(`A paragraph may have at most 5 ${MARKS}; split it`);
  });

  it('does not count what micromark passes over as plain text: colons before a blank or a digit, rules, quote markers', () => {
    expect(where('Berlin: 15:44 Uhr. Ja! a: b: c: d: e: f:')).toBe('ok');
    expect(where('***\n\n___\n\n***\n\n___\n\n***')).toBe('ok');
    expect(where('> a\n> b\n> c\n> d\n> e\n> f')).toBe('ok');
  });
});

import { describe, expect, it } from 'vitest';
import { dataRecords } from '../../src/lib/content/data-file.ts';
import { readArticle } from '../../src/lib/content/read-article.ts';

const FILE = 'content/articles/x.md';
const KNOWN = { articles: ['x'], authors: ['sabine-gusbeth'], topics: ['usa'], sections: ['politik', 'politik/international'], adSlots: ['article-1'] };
const validArticle = () => `---
kicker: Diplomatie
title: Xi und Putin sprechen per Videoschalte
lead: Ein Vorspann.
section: politik/international
authors: [sabine-gusbeth]
updated: 2025-01-21T15:44:00+01:00
images:
  - id: foto
    src: ../images/foto.jpg
    alt: Platzhalterbild
    caption: Videokonferenz.
    credit: "Foto: AP"
---

::figure{image="foto"}

:dateline[Berlin.] Text.
`;
const read = (source: string) => () => readArticle(FILE, source, KNOWN);

describe('control characters', () => {
  it.each([
    ['a vertical tab (Word’s soft line break)', '\u000B', 'U+000B'],
    ['a form feed', '\f', 'U+000C'],
    ['a NUL', '\u0000', 'U+0000'],
    ['an escape', '\u001B', 'U+001B'],
    ['a DEL', '\u007F', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
  ])('stop an article with %s in its lead, at its line', (_name, character, code) => {
    const source = validArticle().replace(/^lead: (.*)$/m, `lead: $1${character}mehr`);
    const line = source.split('\n').findIndex((text) => text.startsWith('lead:')) + 1;
    expect(read(source)).toThrow(`${FILE}:${line}: holds the control character ${code}, which no reader can see and a feed cannot carry: delete it (from Word, a soft line break)`);
  });

  it('stop one written as a YAML escape, naming the field', () => {
    const source = validArticle().replace(/^lead: (.*)$/m, 'lead: "Ein\\vVorspann."');
    const line = source.split('\n').findIndex((text) => text.startsWith('lead:')) + 1;
    expect(read(source)).toThrow(`${FILE}:${line}: lead: holds the control character U+000B`);
  });

  it('stop one in the body, at its line', () => {
    const source = `${validArticle()}\nNoch ein\u000BSatz.\n`;
    expect(read(source)).toThrow(`${FILE}:${source.split('\n').length - 1}: holds the control character U+000B`);
  });

  it('leave tabs, line breaks of any system and other scripts alone', () => {
    expect(read(validArticle().replace(/^lead: (.*)$/m, 'lead: "$1\\tmit Tab, „Zitat“ und 習近平"').replaceAll('\n', '\r\n'))).not.toThrow();
  });

  it('stop a data file, raw or escaped, naming the line and the field', () => {
    const check = (text: string) => () => dataRecords('content/authors.yaml', text, { safeParse: (data: unknown) => ({ success: true, data }) } as never);
    expect(check('- id: a\n  name: "Eine\u000BAutorin"\n')).toThrow('content/authors.yaml:2: holds the control character U+000B');
    expect(check('- id: a\n  name: "Eine\\vAutorin"\n')).toThrow('content/authors.yaml:2: [0].name: holds the control character U+000B');
  });
});

import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/lib/content/front-matter.ts';

const FILE = 'content/articles/beispiel.md';
const messageOf = (text: string) => {
  try {
    splitFrontMatter(FILE, text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('splitFrontMatter', () => {
  it('keeps the body on the lines it has in the file', () => {
    const { data, body, lineOf } = splitFrontMatter(FILE, '---\nkicker: Diplomatie\ntitle: Xi und Putin\n---\nErster Absatz.\n');
    expect(data).toEqual({ kicker: 'Diplomatie', title: 'Xi und Putin' });
    expect(body).toBe('\n\n\n\nErster Absatz.\n');
    expect(lineOf(['title'])).toBe(3);
  });

  it('reads a file that ends with the closing fence', () => {
    expect(splitFrontMatter(FILE, '---\nkicker: Diplomatie\n---')).toMatchObject({ data: { kicker: 'Diplomatie' }, body: '\n\n' });
  });

  it('takes only a byte-order mark at the very start for one', () => {
    expect(splitFrontMatter(FILE, '---\nkicker: Diplomatie\n---\nText\uFEFF').body).toBe('\n\n\nText\uFEFF');
  });

  it('wants the front matter at the top of the file', () => {
    expect(messageOf('Vorwort.\n---\nkicker: Diplomatie\n---\nText')).toBe(
      `${FILE}:1: expected YAML front matter between two \`---\` lines at the top of the file`,
    );
  });

  it('wants fields, not a list or a sentence', () => {
    expect(messageOf('---\n- kicker\n- title\n---\nText')).toBe(`${FILE}:2: front matter must be a mapping of fields`);
    expect(messageOf('---\nNur ein Satz.\n---\nText')).toBe(`${FILE}:2: front matter must be a mapping of fields`);
  });

  it('names the line and the first line of the reason for broken YAML', () => {
    expect(messageOf('---\nkicker: Diplomatie\ntitle: [unclosed\n---\n')).toBe(
      `${FILE}:3: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { xmlProblems } from '../support/xml.ts';

const FEED = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><item><title>${title}</title><dc:creator>Sabine Gusbeth</dc:creator></item></channel></rss>`;

describe('the XML check the build tests rely on', () => {
  it('passes a well-formed feed with namespaces, entities and German text', () => {
    expect(xmlProblems(FEED('Xi &amp; Putin: „Gute Nachbarschaft“ &lt;live&gt;'))).toEqual([]);
  });

  it.each([
    ['a vertical tab', '\u000b'],
    ['a form feed', '\f'],
    ['a NUL', '\u0000'],
    ['an escape', '\u001b'],
    ['a backspace', '\b'],
    ['the non-character U+FFFE', '\ufffe'],
  ])('rejects %s, as expat does', (_name, character) => {
    expect(xmlProblems(FEED(`Vorspann${character}Text`))).not.toEqual([]);
  });

  it.each([
    ['an HTML entity XML does not know', FEED('&nbsp;')],
    ['an unescaped ampersand', FEED('Xi & Putin')],
    ['an unbound namespace prefix', FEED('x').replace(' xmlns:dc="http://purl.org/dc/elements/1.1/"', '')],
    ['a second root', `${FEED('x')}<rss/>`],
    ['an unclosed element', FEED('x').replace('</channel>', '')],
    ['nothing at all', ''],
  ])('rejects %s', (_name, xml) => {
    expect(xmlProblems(xml)).not.toEqual([]);
  });
});

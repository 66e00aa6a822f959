import { describe, expect, it } from 'vitest';
import remarkDateline from '../../src/lib/markdown/remark-dateline.ts';
import { failureOf, toHtml } from '../support/markdown.ts';

const render = (markdown: string) => toHtml(markdown, [remarkDateline, { className: 'ort' }]);

describe('remark-dateline', () => {
  it('sets the place line apart at the start of the first paragraph', () => {
    expect(render(':dateline[Moskau, Peking, Düsseldorf.] Chinas Staats- und Parteichef')).toBe(
      '<p><span class="ort">Moskau, Peking, Düsseldorf.</span> Chinas Staats- und Parteichef</p>',
    );
  });

  it('uses the class "dateline" unless told otherwise', () => {
    expect(toHtml(':dateline[Berlin.] Text', [remarkDateline])).toContain('<span class="dateline">Berlin.</span>');
  });

  it('rejects a dateline that does not open the first paragraph', () => {
    expect(failureOf(() => render('Erster Absatz.\n\n:dateline[Berlin.] Zweiter'))).toBe(
      'test.md:3:1: `:dateline[…]` must open the first paragraph of the body',
    );
    expect(() => render('Text :dateline[Berlin.]')).toThrow(/must open the first paragraph/);
  });

  it('rejects a second dateline and an empty one', () => {
    expect(() => render(':dateline[Berlin.] :dateline[Bonn.]')).toThrow(/Only one/);
    expect(() => render(':dateline[] Text')).toThrow(/needs the place names/);
    expect(failureOf(() => render(':dateline[  ] Text'))).toBe('test.md:1:1: `:dateline[…]` needs the place names in brackets');
  });

  it('keeps emphasis inside the place line', () => {
    expect(render(':dateline[*Berlin.*] Text')).toBe('<p><span class="ort"><em>Berlin.</em></span> Text</p>');
  });

  it('leaves a block directive of the same name to other plugins', () => {
    expect(render('::dateline[Berlin.]\n\nText')).toBe('<div>Berlin.</div>\n<p>Text</p>');
  });

  it('leaves text without a dateline alone', () => {
    expect(render('Nur Text: kein Ort.')).toBe('<p>Nur Text: kein Ort.</p>');
  });
});

import { describe, expect, it } from 'vitest';
import remarkDateline from '../../src/lib/markdown/remark-dateline.ts';
import remarkUnclaimedDirectives from '../../src/lib/markdown/remark-unclaimed-directives.ts';
import { failureOf, toHtml } from '../support/markdown.ts';

const render = (markdown: string) => toHtml(markdown, [remarkDateline], [remarkUnclaimedDirectives]);

describe('remark-unclaimed-directives', () => {
  it('names an unknown block directive with its line', () => {
    expect(failureOf(() => render('Text.\n\n::figur{image="x"}'))).toBe('test.md:3:1: Unknown directive `::figur`');
    expect(failureOf(() => render(':::kasten\nText\n:::'))).toBe('test.md:1:1: Unknown directive `:::kasten`');
  });

  it('gives prose colons back their text', () => {
    expect(render('Um 15:44 Uhr, Ort:Berlin, Foto: AP, Tel.:[0211]{x=1}')).toBe(
      '<p>Um 15:44 Uhr, Ort:Berlin, Foto: AP, Tel.:[0211]{x=1}</p>',
    );
  });

  it('leaves claimed directives to their plugins', () => {
    expect(render(':dateline[Berlin.] Text')).toBe('<p><span class="dateline">Berlin.</span> Text</p>');
  });
});

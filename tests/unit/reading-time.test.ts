import { describe, expect, it } from 'vitest';
import { bodyWordCount, readingTime } from '../../src/lib/reading-time.ts';

describe('reading time', () => {
  const text = (words: number) => ({ type: 'html' as const, html: `<p>${'Wort '.repeat(words)}</p>` });
  const figure = { type: 'embed' as const, kind: 'figure', ref: 'foto' };

  it('counts the words of the text, not tags, figures or lone punctuation', () => {
    expect(bodyWordCount([{ type: 'html', html: '<p><span class="dateline">Berlin.</span> Ein – kurzer Satz.</p><h2 id="x">Titel</h2>' }, figure])).toBe(5);
  });

  it('rounds to whole minutes and says at least one', () => {
    expect(readingTime([text(30)])).toBe('1 Min. Lesezeit');
    expect(readingTime([text(700), figure, text(150)])).toBe('4 Min. Lesezeit');
  });
});

import { describe, expect, it } from 'vitest';
import { chooseHouseAds, isRunning, type Bookable } from '../../src/lib/ads/house-ad-choice.ts';

const NOW = new Date('2026-01-01T12:00:00Z');
const ad = (id: string, extra: Partial<Bookable> = {}): Bookable => ({ id, formats: ['medium-rectangle', 'half-page'], weight: 1, ...extra });
const SLOTS = [
  { id: 'article-1', format: 'medium-rectangle' },
  { id: 'article-2', format: 'medium-rectangle' },
  { id: 'sidebar', format: 'half-page' },
] as const;
const shown = (choice: Map<string, Bookable>) => Object.fromEntries([...choice].map(([slot, chosen]) => [slot, chosen.id]));
/** The ad chosen for one slot on each of many pages. */
const overPages = (ads: Bookable[], count = 2000) =>
  Array.from({ length: count }, (_, page) => chooseHouseAds([SLOTS[0]], ads, `/politik/artikel-${page}/`, NOW).get('article-1')?.id);

describe('isRunning', () => {
  it('runs from its start, inclusive, until its end, exclusive', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const end = new Date('2026-02-01T00:00:00Z');
    expect(isRunning(ad('a', { start, end }), start)).toBe(true);
    expect(isRunning(ad('a', { start, end }), new Date(end.getTime() - 1))).toBe(true);
    expect(isRunning(ad('a', { start, end }), end)).toBe(false);
    expect(isRunning(ad('a', { start, end }), new Date(start.getTime() - 1))).toBe(false);
    expect(isRunning(ad('a'), new Date(0))).toBe(true);
  });
});

describe('chooseHouseAds', () => {
  it('gives every slot a creative of its format', () => {
    const ads = [ad('nur-gross', { formats: ['half-page'] }), ad('nur-klein', { formats: ['medium-rectangle'] })];
    expect(shown(chooseHouseAds(SLOTS, ads, '/a/', NOW))).toEqual({ 'article-1': 'nur-klein', 'article-2': 'nur-klein', sidebar: 'nur-gross' });
  });

  it('is the same for the same page whatever order the creatives come in, and differs between pages', () => {
    const ads = ['a', 'b', 'c', 'd', 'e'].map((id) => ad(id));
    const first = shown(chooseHouseAds(SLOTS, ads, '/politik/x/', NOW));
    expect(shown(chooseHouseAds(SLOTS, [...ads].reverse(), '/politik/x/', NOW))).toEqual(first);
    const pages = Array.from({ length: 20 }, (_, index) => JSON.stringify(shown(chooseHouseAds(SLOTS, ads, `/politik/${index}/`, NOW))));
    expect(new Set(pages).size).toBeGreaterThan(5);
  });

  it('walks the creatives in id order, so that a page’s draw lands on the same one in every build', () => {
    const ads = [ad('newsletter', { formats: ['medium-rectangle'] }), ad('abo', { formats: ['medium-rectangle'], weight: 3 })];
    const pick = (page: string) => chooseHouseAds([SLOTS[0]], ads, page, NOW).get('article-1')?.id;
    expect(pick('/politik/international/xi-und-putin-sprechen-per-videoschalte/')).toBe('abo');
    expect(pick('/p/1/')).toBe('newsletter');
  });

  it('shows a creative once on a page while others fit, and repeats one only when nothing else fits', () => {
    for (let page = 0; page < 50; page++) {
      const three = chooseHouseAds(SLOTS, [ad('a'), ad('b', { weight: 5 }), ad('c')], `/p/${page}/`, NOW);
      expect(new Set([...three.values()].map((chosen) => chosen.id)).size).toBe(3);
    }
    const one = chooseHouseAds(SLOTS, [ad('a')], '/p/', NOW);
    expect(shown(one)).toEqual({ 'article-1': 'a', 'article-2': 'a', sidebar: 'a' });
  });

  it('never shows a creative past its end or before its start', () => {
    const ended = ad('vorbei', { weight: 1000, end: new Date('2026-01-01T11:59:59Z') });
    const coming = ad('bald', { weight: 1000, start: new Date('2026-01-01T12:00:01Z') });
    const picks = overPages([ended, coming, ad('laufend')], 300);
    expect(new Set(picks)).toEqual(new Set(['laufend']));
  });

  it('leaves a slot out when no running creative fits it', () => {
    expect(shown(chooseHouseAds(SLOTS, [ad('klein', { formats: ['medium-rectangle'] })], '/p/', NOW))).not.toHaveProperty('sidebar');
    expect(chooseHouseAds(SLOTS, [], '/p/', NOW).size).toBe(0);
  });

  it('shows creatives about as often as their weights say', () => {
    const picks = overPages([ad('selten'), ad('oft', { weight: 3 })]);
    const often = picks.filter((id) => id === 'oft').length / picks.length;
    expect(often).toBeGreaterThan(0.7);
    expect(often).toBeLessThan(0.8);
  });
});

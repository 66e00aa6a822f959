import { describe, expect, it } from 'vitest';
import { overflow, unusedFiles } from '../../src/lib/offline/shelf-keeping.ts';

describe('overflow', () => {
  it('gives the oldest entries beyond the limit, none while there are no more than that', () => {
    expect(overflow(['a', 'b', 'c', 'd'], 3)).toEqual(['a']);
    expect(overflow(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b']);
    expect(overflow(['a', 'b', 'c'], 3)).toEqual([]);
    expect(overflow([], 30)).toEqual([]);
  });
});

describe('unusedFiles', () => {
  const site = 'https://zeitungsleser.example/zeitung/_astro/';
  const page = `<picture><source srcset="/zeitung/_astro/fotos/karte.a1-400.avif 400w, /zeitung/_astro/fotos/karte.a1-800.avif 800w">
    <script type="module" src="/zeitung/_astro/KeepButton.b2.js"></script>`;

  it('keeps the photos a stored page names, at whatever width, and drops those it names no more', () => {
    const files = [{ url: `${site}fotos/karte.a1-800.avif` }, { url: `${site}fotos/karte.OLD-800.avif` }];
    expect(unusedFiles(files, [page])).toEqual([`${site}fotos/karte.OLD-800.avif`]);
  });

  it('keeps the modules a used script imports, however deep, but not those of an unused script', () => {
    const files = [
      { url: `${site}KeepButton.b2.js`, code: 'import{t}from"./worker-messages.c3.js";' },
      { url: `${site}worker-messages.c3.js`, code: 'import"./deeper.d4.js";' },
      { url: `${site}deeper.d4.js`, code: '' },
      { url: `${site}KeepButton.OLD.js`, code: 'import"./worker-messages.OLD.js";' },
      { url: `${site}worker-messages.OLD.js`, code: 'import"./KeepButton.OLD.js";' },
    ];
    expect(unusedFiles(files, [page])).toEqual([`${site}KeepButton.OLD.js`, `${site}worker-messages.OLD.js`]);
  });

  it('drops every file when no page is stored', () => {
    expect(unusedFiles([{ url: `${site}fotos/karte.a1-800.avif` }], [])).toEqual([`${site}fotos/karte.a1-800.avif`]);
  });
});

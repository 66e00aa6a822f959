import { describe, expect, it } from 'vitest';
import { requestKind } from '../../src/lib/offline/request-kind.ts';

const kind = (url: string, scope = 'https://zeitungsleser.example/zeitung/') => requestKind(new URL(url), new URL(scope));

describe('requestKind', () => {
  it('takes the site’s folders for pages, with or without a query', () => {
    expect(kind('https://zeitungsleser.example/zeitung/')).toBe('page');
    expect(kind('https://zeitungsleser.example/zeitung/politik/international/xi/')).toBe('page');
    expect(kind('https://zeitungsleser.example/zeitung/suche/?q=Putin')).toBe('page');
  });

  it('takes what lies under _astro/ for hashed files, photos included', () => {
    expect(kind('https://zeitungsleser.example/zeitung/_astro/KeepButton.abc123.js')).toBe('file');
    expect(kind('https://zeitungsleser.example/zeitung/_astro/fotos/karte.x1-800.avif')).toBe('file');
  });

  it('leaves everything else to the browser: other files, other paths, other origins', () => {
    for (const url of [
      'https://zeitungsleser.example/zeitung/feed.xml',
      'https://zeitungsleser.example/zeitung/pagefind/pagefind.js',
      'https://zeitungsleser.example/zeitung/404.html',
      'https://zeitungsleser.example/anderes/',
      'https://zeitungsleser.example/_astro/x.js',
      'https://ads.example/zeitung/',
      'http://zeitungsleser.example/zeitung/',
    ]) {
      expect(kind(url), url).toBeUndefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, serializeJsonLd } from '../../src/lib/json-ld.ts';
import { escapeXml } from '../../src/lib/xml.ts';

describe('serializeJsonLd', () => {
  it('cannot be ended early by a headline containing </script>', () => {
    const json = serializeJsonLd({ headline: 'Ein </script><script>alert(1)</script> Titel' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json).headline).toBe('Ein </script><script>alert(1)</script> Titel');
  });
});

describe('breadcrumbJsonLd', () => {
  it('makes every crumb absolute and gives the last one the page URL', () => {
    const data = breadcrumbJsonLd([{ name: 'Startseite', href: '/' }, { name: 'Artikel' }], 'https://x.example/a/', 'https://x.example');
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Startseite', item: 'https://x.example/' },
      { '@type': 'ListItem', position: 2, name: 'Artikel', item: 'https://x.example/a/' },
    ]);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`„A“ & <b> 'c' "d"`)).toBe('„A“ &amp; &lt;b&gt; &apos;c&apos; &quot;d&quot;');
  });
});

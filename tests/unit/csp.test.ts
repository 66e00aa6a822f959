import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cdnHeadersFile } from '../../src/lib/cdn-headers.ts';
import { collectInlineHashes, contentSecurityPolicy } from '../../src/lib/csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('collectInlineHashes', () => {
  it('hashes inline scripts and styles, but not data blocks or external scripts', () => {
    const html = `<style>a{color:red}</style><script type="module">go()</script><script>old()</script>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script><script src="/x.js"></script>`;
    const hashes = collectInlineHashes(html, { scripts: new Set(), styles: new Set() });
    expect([...hashes.scripts].sort()).toEqual([hash('go()'), hash('old()')].sort());
    expect([...hashes.styles]).toEqual([hash('a{color:red}')]);
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy({ scripts: new Set(["'sha256-b'", "'sha256-a'"]), styles: new Set(["'sha256-c'"]) });

  it('allows scripts only from the site and by hash, never inline or eval', () => {
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(csp).toContain("style-src 'self' 'sha256-c';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('adds a provider’s origins to their own directives and nowhere else', () => {
    const widened = contentSecurityPolicy(
      { scripts: new Set(["'sha256-a'"]), styles: new Set() },
      { 'script-src': ['https://ads.example.com'], 'frame-src': ['https://frames.example.com'] },
    );
    const directives = Object.fromEntries(widened.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives['script-src']).toBe("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' https://ads.example.com");
    expect(directives['frame-src']).toBe("frame-src 'self' https://frames.example.com");
    expect(directives['img-src']).toBe("img-src 'self'");
    expect(widened.match(/example\.com/g)).toHaveLength(2);
    expect(csp).not.toContain('frame-src');
  });

  it('ships in _headers with the other protections', () => {
    const file = cdnHeadersFile('/zeitung', csp);
    expect(file).toMatch(/^\/zeitung\/\*\n/);
    for (const header of ['Content-Security-Policy', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options: DENY']) {
      expect(file).toContain(header);
    }
    expect(file).toContain('/zeitung/_astro/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable');
  });
});

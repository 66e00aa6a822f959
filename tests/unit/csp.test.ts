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

  it('finds scripts and styles however their tags are written, and hashes each as UTF-8', () => {
    const html = `<STYLE media="print">b{color:blue}</STYLE><style>\n</style><script type='module'>„ja“()</script><script type=text/javascript>alt()</script>
      <script data-x="1">\n  mit(1, 2);\n</script><script type="text/plain">nie()</script><script type=text/plain>auch nie()</script>`;
    const hashes = collectInlineHashes(html, { scripts: new Set(), styles: new Set() });
    expect([...hashes.scripts].sort()).toEqual([hash('„ja“()'), hash('alt()'), hash('\n  mit(1, 2);\n')].sort());
    expect([...hashes.styles].sort()).toEqual([hash('b{color:blue}'), hash('\n')].sort());
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

  it('is exactly the site’s own policy without a provider', () => {
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'; style-src 'self' 'sha256-c'; img-src 'self'; connect-src 'self'; " +
        "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('gives each of a provider’s origins to its own directive', () => {
    const origins = {
      'script-src': ['https://ads.example/s.js'],
      'img-src': ['https://img.example'],
      'connect-src': ['https://bid.example'],
      'frame-src': ['https://frames.example'],
    };
    expect(contentSecurityPolicy({ scripts: new Set(), styles: new Set() }, origins)).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://ads.example/s.js; style-src 'self'; img-src 'self' https://img.example; " +
        "connect-src 'self' https://bid.example; frame-src 'self' https://frames.example; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('ships in _headers with the other protections', () => {
    const file = cdnHeadersFile('/zeitung', csp);
    expect(file).toMatch(/^\/zeitung\/\*\n/);
    for (const header of ['Content-Security-Policy', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options: DENY']) {
      expect(file).toContain(header);
    }
    expect(file).toContain('  Speculation-Rules: "/zeitung/speculation-rules.json"\n/zeitung/speculation-rules.json\n  Content-Type: application/speculationrules+json\n');
    expect(file).toContain('/zeitung/_astro/*\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable');
    expect(file).toContain('/zeitung/service-worker.js\n  ! Cache-Control\n  Cache-Control: no-cache');
  });

  it('writes every header with its value, the short cache first, and ends the file with a newline', () => {
    expect(cdnHeadersFile('/', 'default-src \'self\'')).toBe(
      [
        '/*',
        '  Cache-Control: public, max-age=300, must-revalidate',
        "  Content-Security-Policy: default-src 'self'",
        '  Strict-Transport-Security: max-age=63072000; includeSubDomains',
        '  Cross-Origin-Opener-Policy: same-origin',
        '  Cross-Origin-Resource-Policy: same-origin',
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
        '  X-Frame-Options: DENY',
        '  Speculation-Rules: "/speculation-rules.json"',
        '/speculation-rules.json',
        '  Content-Type: application/speculationrules+json',
        '/_astro/*',
        '  ! Cache-Control',
        '  Cache-Control: public, max-age=31536000, immutable',
        '/service-worker.js',
        '  ! Cache-Control',
        '  Cache-Control: no-cache',
        '',
      ].join('\n'),
    );
  });
});

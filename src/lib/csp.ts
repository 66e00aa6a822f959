import { createHash } from 'node:crypto';
import type { AdProviderConfig } from './ads/provider.ts';

const SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;
const STYLE = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;
/** Script types a browser runs; JSON-LD and other data blocks are never executed. */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i;

// Every page of a kind carries the same stylesheet and scripts: each is hashed once.
const hashed = new Map<string, string>();
function sha256(text: string): string {
  let hash = hashed.get(text);
  if (hash === undefined) {
    hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    hashed.set(text, hash);
  }
  return hash;
}

export interface InlineHashes {
  scripts: Set<string>;
  styles: Set<string>;
}

/** Adds the CSP hashes of a page's inline scripts and styles to `into`. */
export function collectInlineHashes(html: string, into: InlineHashes): InlineHashes {
  for (const [, attributes = '', body] of html.matchAll(SCRIPT)) {
    if (/\ssrc=/i.test(attributes)) continue;
    const type = /\stype=["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (EXECUTABLE.test(type)) into.scripts.add(sha256(body));
  }
  for (const [, body] of html.matchAll(STYLE)) into.styles.add(sha256(body));
  return into;
}

const directive = (name: string, ...sources: (string | readonly string[] | undefined)[]) => [name, ...sources.flat().filter(Boolean)].join(' ');

/**
 * The site's Content-Security-Policy: its own files plus exactly the inline scripts and styles
 * it ships, by hash, so no injected script could run. `'wasm-unsafe-eval'` lets the search
 * index's WebAssembly start; it allows no JavaScript `eval`. The only other origins are those a
 * configured ad provider declares (`provider`), each in its own directive.
 */
export function contentSecurityPolicy({ scripts, styles }: InlineHashes, provider: AdProviderConfig['origins'] = {}): string {
  const sorted = (hashes: Set<string>) => [...hashes].sort();
  return [
    "default-src 'self'",
    directive('script-src', "'self'", "'wasm-unsafe-eval'", sorted(scripts), provider['script-src']),
    directive('style-src', "'self'", sorted(styles)),
    directive('img-src', "'self'", provider['img-src']),
    directive('connect-src', "'self'", provider['connect-src']),
    // Without frames of a provider's, default-src 'self' governs frames.
    ...(provider['frame-src'] ? [directive('frame-src', "'self'", provider['frame-src'])] : []),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

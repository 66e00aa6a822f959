import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { AdProviderConfig } from '../lib/ads/provider.ts';
import { cdnHeadersFile } from '../lib/cdn-headers.ts';
import { collectInlineHashes, contentSecurityPolicy, type InlineHashes } from '../lib/csp.ts';

/**
 * Writes `dist/_headers` for the base the site was built with, its CSP hashing every inline
 * script and style and allowing the origins a configured ad provider declares.
 */
export function cdnHeaders(adProvider?: AdProviderConfig): AstroIntegration {
  let base = '/';
  return {
    name: 'cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const site = fileURLToPath(dir);
        const hashes: InlineHashes = { scripts: new Set(), styles: new Set() };
        for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
          if (file.endsWith('.html')) collectInlineHashes(readFileSync(join(site, file), 'utf8'), hashes);
        }
        writeFileSync(join(site, '_headers'), cdnHeadersFile(base, contentSecurityPolicy(hashes, adProvider?.origins)));
      },
    },
  };
}

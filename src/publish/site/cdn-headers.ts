import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { AdProviderConfig } from '../../lib/ads/provider.ts';
import { cdnHeadersFile } from '../../lib/cdn-headers.ts';
import { contentSecurityPolicy } from '../../lib/csp.ts';
import { pageHashes } from './page-hashes.ts';

/**
 * Writes `dist/_headers` for the base the site was built with, its CSP hashing every inline
 * script and style and allowing the origins a configured ad provider declares.
 */
export function cdnHeaders(adProvider?: AdProviderConfig): AstroIntegration {
  /** Set as the config is done, before any other hook. */
  let base: string;
  let cacheDir: string;
  return {
    name: 'cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ dir, assets }) => {
        const site = fileURLToPath(dir);
        const pages = [...assets.values()].flat().map((url) => relative(site, fileURLToPath(url))).filter((page) => page.endsWith('.html'));
        const hashes = pageHashes(site, pages, cacheDir);
        writeFileSync(join(site, '_headers'), cdnHeadersFile(base, contentSecurityPolicy(hashes, adProvider?.origins)));
      },
    },
  };
}

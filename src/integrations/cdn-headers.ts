import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { cdnHeadersFile } from '../lib/cdn-headers.ts';

/** Writes `dist/_headers` for the base the site was built with. */
export function cdnHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(new URL('_headers', dir), cdnHeadersFile(base));
      },
    },
  };
}
